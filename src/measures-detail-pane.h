/* measures-detail-pane.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "measures-library.h"
#include "measures-measure.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_DETAIL_PANE (measures_detail_pane_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresDetailPane, measures_detail_pane, MEASURES, DETAIL_PANE, GtkWidget)

MeasuresMeasure *measures_detail_pane_get_measure (MeasuresDetailPane *self);
void             measures_detail_pane_set_measure (MeasuresDetailPane *self,
                                                   MeasuresMeasure    *measure);

void             measures_detail_pane_set_highlight (MeasuresDetailPane *self,
                                                     const char * const *words);

void             measures_detail_pane_show_later (MeasuresDetailPane *self,
                                                  MeasuresMeasure    *measure);
void             measures_detail_pane_refresh (MeasuresDetailPane *self);
void             measures_detail_pane_set_library (MeasuresDetailPane *self,
                                                   MeasuresLibrary    *library);

void             measures_detail_pane_set_editable (MeasuresDetailPane *self,
                                                    gboolean            editable);

void                measures_detail_pane_set_selection (MeasuresDetailPane *self,
                                                        const char * const *ids);

G_END_DECLS
