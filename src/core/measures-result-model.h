/* measures-result-model.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-index.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_RESULT_MODEL (measures_result_model_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresResultModel, measures_result_model, MEASURES, RESULT_MODEL, GObject)

#define MEASURES_TYPE_RESULT_ROW (measures_result_row_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresResultRow, measures_result_row, MEASURES, RESULT_ROW, GObject)

MeasuresMeasure     *measures_result_row_get_measure   (MeasuresResultRow    *self);

MeasuresResultModel *measures_result_model_new         (void);
void                 measures_result_model_update      (MeasuresResultModel  *self,
                                                        MeasuresIndex        *index,
                                                        const MeasuresBitset *matches,
                                                        MeasuresSort          sort,
                                                        gboolean              descending);
void                 measures_result_model_refresh     (MeasuresResultModel  *self);
guint                measures_result_model_find        (MeasuresResultModel  *self,
                                                        guint                 position);
MeasuresIndex       *measures_result_model_get_index   (MeasuresResultModel  *self);
guint                measures_result_model_get_position (MeasuresResultModel *self,
                                                         guint                 item);
GListModel          *measures_result_model_get_rows    (MeasuresResultModel  *self);

G_END_DECLS
