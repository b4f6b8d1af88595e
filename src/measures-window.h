/* measures-window.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "measures-application.h"
#include "measures-chart.h"
#include "measures-export.h"
#include "measures-measure-editor.h"
#include "measures-query.h"
#include "measures-session.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_WINDOW (measures_window_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresWindow, measures_window, MEASURES, WINDOW, AdwApplicationWindow)

MeasuresWindow  *measures_window_new          (MeasuresApplication  *application);
MeasuresSession *measures_window_get_session  (MeasuresWindow       *self);
void             measures_window_open         (MeasuresWindow       *self,
                                               GFile * const        *files,
                                               guint                 n_files);
void             measures_window_add_files    (MeasuresWindow       *self,
                                               GFile * const        *files,
                                               guint                 n_files);
GPtrArray       *measures_window_get_problems (MeasuresWindow       *self);
gboolean         measures_window_get_loading  (MeasuresWindow       *self);
GListModel      *measures_window_get_model    (MeasuresWindow       *self);
MeasuresQuery   *measures_window_get_query    (MeasuresWindow       *self);
gboolean         measures_window_select       (MeasuresWindow       *self,
                                               const char           *id);

void             measures_window_export       (MeasuresWindow       *self,
                                               GFile                *file,
                                               gboolean              single,
                                               MeasuresExportFormat  format,
                                               const char           *lang);
void             measures_window_export_collection (MeasuresWindow       *self,
                                                    GFile                *file,
                                                    const char           *collection,
                                                    MeasuresExportFormat  format,
                                                    const char           *lang);
GtkPrintOperation *measures_window_new_print  (MeasuresWindow       *self);
gboolean         measures_window_get_exporting (MeasuresWindow      *self);
void             measures_window_export_chart (MeasuresWindow       *self,
                                               MeasuresChart         chart,
                                               MeasuresChartFormat   format,
                                               GFile                *file);

void             measures_window_report_settings (MeasuresWindow      *self,
                                                  GPtrArray           *problems);

MeasuresMeasureEditor *measures_window_edit       (MeasuresWindow  *self,
                                                   MeasuresMeasure *measure);
guint            measures_window_paste_text   (MeasuresWindow       *self,
                                               const char           *text);

G_END_DECLS
