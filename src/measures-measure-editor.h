/* measures-measure-editor.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "measures-measure.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_MEASURE_EDITOR (measures_measure_editor_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresMeasureEditor, measures_measure_editor, MEASURES, MEASURE_EDITOR, AdwWindow)

MeasuresMeasureEditor *measures_measure_editor_new          (GtkWindow             *parent,
                                                             MeasuresMeasure       *measure,
                                                             gboolean               is_new,
                                                             const char * const    *types,
                                                             const char * const    *forms);
MeasuresMeasure       *measures_measure_editor_get_measure  (MeasuresMeasureEditor *self);
void                   measures_measure_editor_set_note     (MeasuresMeasureEditor *self,
                                                             const char            *note);
void                   measures_measure_editor_set_deletable (MeasuresMeasureEditor *self,
                                                              gboolean               deletable);
MeasuresMeasure       *measures_measure_editor_build        (MeasuresMeasureEditor *self,
                                                             guint                 *n_problems);
void                   measures_measure_editor_set_field    (MeasuresMeasureEditor *self,
                                                             const char            *key,
                                                             const char            *text);
void                   measures_measure_editor_add_value    (MeasuresMeasureEditor *self,
                                                             const char            *key,
                                                             const char            *value);
const char            *measures_measure_editor_get_problem  (MeasuresMeasureEditor *self,
                                                             const char            *key);

G_END_DECLS
