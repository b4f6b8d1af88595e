/* measures-overview-view.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "measures-chart.h"
#include "measures-index.h"
#include "measures-query.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_OVERVIEW_VIEW (measures_overview_view_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresOverviewView, measures_overview_view, MEASURES, OVERVIEW_VIEW, GtkWidget)

void              measures_overview_view_set_query     (MeasuresOverviewView *self,
                                                        MeasuresQuery        *query);
void              measures_overview_view_invalidate    (MeasuresOverviewView *self);
void              measures_overview_view_update        (MeasuresOverviewView *self,
                                                        MeasuresIndex        *index,
                                                        const MeasuresBitset *matches);
MeasuresOverview *measures_overview_view_get_overview  (MeasuresOverviewView *self);
GtkWidget        *measures_overview_view_get_chart     (MeasuresOverviewView *self,
                                                        MeasuresChart         chart);
GtkWidget        *measures_overview_view_get_table     (MeasuresOverviewView *self,
                                                        MeasuresChart         chart);
gboolean          measures_overview_view_activate      (MeasuresOverviewView *self,
                                                        MeasuresChartHit     *hit);
gboolean          measures_overview_view_activate_at   (MeasuresOverviewView *self,
                                                        MeasuresChart         chart,
                                                        double                x,
                                                        double                y);

G_END_DECLS
