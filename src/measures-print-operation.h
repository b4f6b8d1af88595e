/* measures-print-operation.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "measures-summary.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_PRINT_OPERATION (measures_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresPrintOperation, measures_print_operation, MEASURES, PRINT_OPERATION, GtkPrintOperation)

MeasuresPrintOperation *measures_print_operation_new  (MeasuresSummary        *summary);
MeasuresPrintOperation *measures_print_operation_new_choice (GPtrArray       *matching,
                                                             MeasuresMeasure *selected,
                                                             gboolean         single,
                                                             MeasuresQuery   *query,
                                                             const char      *lang);
void                    measures_print_operation_set_summary_options (MeasuresPrintOperation       *self,
                                                                      const MeasuresSummaryOptions *options);
void                    measures_print_operation_set_selection (MeasuresPrintOperation *self,
                                                                GPtrArray              *selection);
GPtrArray              *measures_print_operation_dup_chosen (MeasuresPrintOperation *self);
void                    measures_print_operation_save (MeasuresPrintOperation *self);

G_END_DECLS
