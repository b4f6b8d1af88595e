/* measures-compare-view.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "measures-coverage-grid.h"
#include "measures-index.h"
#include "measures-map.h"
#include "measures-query.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_COMPARE_VIEW (measures_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresCompareView, measures_compare_view, MEASURES, COMPARE_VIEW, GtkWidget)

void                  measures_compare_view_set_query    (MeasuresCompareView  *self,
                                                          MeasuresQuery        *query);
void                  measures_compare_view_invalidate   (MeasuresCompareView  *self);
void                  measures_compare_view_update       (MeasuresCompareView  *self,
                                                          MeasuresIndex        *index,
                                                          const MeasuresBitset *matches);
MeasuresCoverage     *measures_compare_view_get_coverage (MeasuresCompareView  *self);
MeasuresCoverageGrid *measures_compare_view_get_grid     (MeasuresCompareView  *self);
GtkWidget            *measures_compare_view_get_map      (MeasuresCompareView  *self);
gboolean              measures_compare_view_activate_map_at (MeasuresCompareView *self,
                                                             double                x,
                                                             double                y);
void                  measures_compare_view_export       (MeasuresCompareView  *self,
                                                          const char           *format,
                                                          GFile                *file);

G_END_DECLS
