/* measures-export.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-bitset.h"
#include "measures-chart.h"
#include "measures-index.h"
#include "measures-query.h"
#include "measures-summary.h"

G_BEGIN_DECLS

/**
 * MeasuresExportFormat:
 * @MEASURES_FORMAT_PDF: a paged PDF summary
 * @MEASURES_FORMAT_HTML: one self-contained HTML page
 * @MEASURES_FORMAT_MARKDOWN: Markdown for forges and notes
 * @MEASURES_FORMAT_CSV: one row per measure (RFC 4180)
 * @MEASURES_FORMAT_JSON: a measures-1 dataset
 * @MEASURES_FORMAT_RIS: references in RIS, for reference managers
 * @MEASURES_FORMAT_BIBTEX: references in BibTeX, biblatex's fields
 * @MEASURES_FORMAT_CSL_JSON: references in CSL-JSON, for citeproc
 * @MEASURES_FORMAT_PNG: a chart as a PNG image
 * @MEASURES_FORMAT_SVG: a chart as an SVG image, its labels as text
 */
typedef enum
{
  MEASURES_FORMAT_PDF,
  MEASURES_FORMAT_HTML,
  MEASURES_FORMAT_MARKDOWN,
  MEASURES_FORMAT_CSV,
  MEASURES_FORMAT_JSON,
  MEASURES_FORMAT_RIS,
  MEASURES_FORMAT_BIBTEX,
  MEASURES_FORMAT_CSL_JSON,
  MEASURES_FORMAT_PNG,
  MEASURES_FORMAT_SVG,
  MEASURES_N_FORMATS,
} MeasuresExportFormat;

gboolean              measures_export_format_from_name     (const char           *name,
                                                            MeasuresExportFormat *format);
gboolean              measures_export_format_from_path     (const char           *path,
                                                            MeasuresExportFormat *format);
const char           *measures_export_format_get_name      (MeasuresExportFormat  format);
const char           *measures_export_format_get_extension (MeasuresExportFormat  format);
const char * const   *measures_export_format_get_extensions (MeasuresExportFormat format);
const char           *measures_export_format_get_label     (MeasuresExportFormat  format);
gboolean              measures_export_format_is_text       (MeasuresExportFormat  format);
gboolean              measures_export_format_is_chart      (MeasuresExportFormat  format);
gboolean              measures_export_format_is_citation   (MeasuresExportFormat  format);
char                 *measures_export_formats_dup_names    (gboolean              charts);

#define MEASURES_TYPE_EXPORT (measures_export_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresExport, measures_export, MEASURES, EXPORT, GObject)

MeasuresExport       *measures_export_new_summary          (MeasuresExportFormat  format,
                                                            GPtrArray            *measures,
                                                            MeasuresQuery        *query,
                                                            gboolean              single,
                                                            const char           *lang);
MeasuresExport       *measures_export_new_chart            (MeasuresExportFormat  format,
                                                            MeasuresIndex        *index,
                                                            const MeasuresBitset *matches,
                                                            MeasuresChart         chart,
                                                            double                scale);
void                  measures_export_set_summary_options  (MeasuresExport       *self,
                                                            const MeasuresSummaryOptions *options);
MeasuresExportFormat  measures_export_get_format           (MeasuresExport       *self);
GFile                *measures_export_get_file             (MeasuresExport       *self);
double                measures_export_get_fraction         (MeasuresExport       *self);
const char           *measures_export_get_text             (MeasuresExport       *self);
void                  measures_export_cancel               (MeasuresExport       *self);

GBytes               *measures_export_to_bytes             (MeasuresExport       *self,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
gboolean              measures_export_write                (MeasuresExport       *self,
                                                            GFile                *file,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
void                  measures_export_async                (MeasuresExport       *self,
                                                            GFile                *file,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean              measures_export_finish               (MeasuresExport       *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

GBytes               *measures_export_bytes                (GPtrArray            *measures,
                                                            MeasuresQuery        *query,
                                                            gboolean              single,
                                                            MeasuresExportFormat  format,
                                                            const char           *lang,
                                                            GCancellable         *cancellable,
                                                            GError              **error);

G_END_DECLS
