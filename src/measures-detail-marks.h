/* measures-detail-marks.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "measures-library.h"
#include "measures-measure.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_DETAIL_MARKS (measures_detail_marks_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresDetailMarks, measures_detail_marks, MEASURES, DETAIL_MARKS, GtkWidget)

void measures_detail_marks_set_library (MeasuresDetailMarks *self,
                                        MeasuresLibrary     *library);
void measures_detail_marks_set_selection (MeasuresDetailMarks *self,
                                          const char * const  *ids);
void measures_detail_marks_set_measure (MeasuresDetailMarks *self,
                                        MeasuresMeasure     *measure);

G_END_DECLS
