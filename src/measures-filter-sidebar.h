/* measures-filter-sidebar.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "measures-index.h"
#include "measures-library.h"
#include "measures-query.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_FILTER_SIDEBAR (measures_filter_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresFilterSidebar, measures_filter_sidebar, MEASURES, FILTER_SIDEBAR, GtkWidget)

void           measures_filter_sidebar_set_query     (MeasuresFilterSidebar *self,
                                                      MeasuresQuery         *query);
void           measures_filter_sidebar_set_index     (MeasuresFilterSidebar *self,
                                                      MeasuresIndex         *index);
void           measures_filter_sidebar_set_result    (MeasuresFilterSidebar *self,
                                                      const MeasuresResult  *result);
void           measures_filter_sidebar_set_datasets  (MeasuresFilterSidebar *self,
                                                      GListModel            *datasets);
gboolean       measures_filter_sidebar_toggle_value  (MeasuresFilterSidebar *self,
                                                      MeasuresFacet          facet,
                                                      const char            *value);
guint          measures_filter_sidebar_get_count     (MeasuresFilterSidebar *self,
                                                      MeasuresFacet          facet,
                                                      const char            *value);

void           measures_filter_sidebar_set_library   (MeasuresFilterSidebar *self,
                                                      MeasuresLibrary       *library);
guint          measures_filter_sidebar_get_mark_count (MeasuresFilterSidebar *self,
                                                       const char            *collection);

G_END_DECLS
