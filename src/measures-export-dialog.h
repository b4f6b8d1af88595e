/* measures-export-dialog.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "measures-export.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_EXPORT_DIALOG (measures_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresExportDialog, measures_export_dialog, MEASURES, EXPORT_DIALOG, AdwMessageDialog)

MeasuresExportDialog *measures_export_dialog_new          (GtkWindow            *parent,
                                                           const char           *selected_title,
                                                           guint                 n_matching,
                                                           const char           *lang);
void                  measures_export_dialog_set_choices (MeasuresExportDialog *self,
                                                          gboolean              single,
                                                          MeasuresExportFormat  format);
void                  measures_export_dialog_set_parts    (MeasuresExportDialog *self,
                                                           MeasuresSummaryParts  parts,
                                                           MeasuresCoverageBy    by,
                                                           MeasuresMapZoom       zoom);
MeasuresSummaryParts  measures_export_dialog_get_parts    (MeasuresExportDialog *self,
                                                           MeasuresCoverageBy   *by,
                                                           MeasuresMapZoom      *zoom);
gboolean              measures_export_dialog_get_single   (MeasuresExportDialog *self);
MeasuresExportFormat  measures_export_dialog_get_format   (MeasuresExportDialog *self);
const char           *measures_export_dialog_get_lang     (MeasuresExportDialog *self);
GtkFileFilter        *measures_export_dialog_new_filter   (MeasuresExportFormat  format);

void                  measures_export_dialog_set_several  (MeasuresExportDialog *self,
                                                           gboolean              several);
void                  measures_export_dialog_set_collections (MeasuresExportDialog *self,
                                                              const char * const   *ids,
                                                              const char * const   *names);
gboolean              measures_export_dialog_choose_collection (MeasuresExportDialog *self,
                                                                const char           *collection);
const char           *measures_export_dialog_get_collection (MeasuresExportDialog *self);

G_END_DECLS
