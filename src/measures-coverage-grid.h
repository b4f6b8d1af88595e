/* measures-coverage-grid.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "measures-coverage.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_COVERAGE_GRID (measures_coverage_grid_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresCoverageGrid, measures_coverage_grid, MEASURES, COVERAGE_GRID, GtkWidget)

void       measures_coverage_grid_set_coverage (MeasuresCoverageGrid *self,
                                                MeasuresCoverage     *coverage);
GtkWidget *measures_coverage_grid_get_cell     (MeasuresCoverageGrid *self,
                                                int                   row,
                                                int                   column);
gboolean   measures_coverage_grid_get_position (MeasuresCoverageGrid *self,
                                                GtkWidget            *cell,
                                                int                  *row,
                                                int                  *column);
gboolean   measures_coverage_grid_locate       (MeasuresCoverageGrid *self,
                                                int                   row,
                                                int                   column,
                                                graphene_rect_t      *area);
GtkWidget *measures_coverage_grid_get_body     (MeasuresCoverageGrid *self);
void       measures_coverage_grid_flush_labels (MeasuresCoverageGrid *self);

G_END_DECLS
