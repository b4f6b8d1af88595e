/* measures-measure-list.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "measures-measure.h"
#include "measures-session.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_MEASURE_LIST (measures_measure_list_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresMeasureList, measures_measure_list, MEASURES, MEASURE_LIST, AdwBin)

void             measures_measure_list_set_session  (MeasuresMeasureList *self,
                                                     MeasuresSession     *session);
void             measures_measure_list_set_active   (MeasuresMeasureList *self,
                                                     gboolean             active);
GListModel      *measures_measure_list_get_model    (MeasuresMeasureList *self);
MeasuresMeasure *measures_measure_list_get_selected (MeasuresMeasureList *self);
gboolean         measures_measure_list_get_following_results (MeasuresMeasureList *self);
guint            measures_measure_list_get_n_selected (MeasuresMeasureList *self);
GPtrArray       *measures_measure_list_dup_selection  (MeasuresMeasureList *self);
GPtrArray       *measures_measure_list_dup_measures   (MeasuresMeasureList  *self,
                                                       const MeasuresBitset *matches);
gboolean         measures_measure_list_select       (MeasuresMeasureList *self,
                                                     const char          *id);
void             measures_measure_list_refresh      (MeasuresMeasureList *self);
void             measures_measure_list_set_compact      (MeasuresMeasureList *self,
                                                         gboolean             compact);

G_END_DECLS
