/* measures-summary.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-measure.h"
#include "measures-query.h"
#include "measures-translations.h"

G_BEGIN_DECLS

/**
 * MeasuresExportFormat:
 * @MEASURES_FORMAT_PDF: a paged PDF summary
 * @MEASURES_FORMAT_HTML: one self-contained HTML page
 * @MEASURES_FORMAT_MARKDOWN: Markdown for forges and notes
 * @MEASURES_FORMAT_CSV: one row per measure (RFC 4180)
 * @MEASURES_FORMAT_JSON: a measures-1 dataset
 */
typedef enum
{
  MEASURES_FORMAT_PDF,
  MEASURES_FORMAT_HTML,
  MEASURES_FORMAT_MARKDOWN,
  MEASURES_FORMAT_CSV,
  MEASURES_FORMAT_JSON,
  MEASURES_N_FORMATS,
} MeasuresExportFormat;

typedef struct
{
  char *label;
  guint count;
} MeasuresSummaryCount;

/**
 * MeasuresSummaryEntry:
 *
 * One measure, with every field ready to show in the summary's language.
 * A text the record lacks in that language comes in English, and its
 * `*_fallback` flag says so.
 */
typedef struct
{
  MeasuresMeasure *measure;
  char *title;
  gboolean title_fallback;
  char *country;
  char *region;
  char *years;
  GStrv types;
  GStrv forms;
  GPtrArray *description;     /* MeasuresBlock */
  gboolean description_fallback;
  char *source;
  char *more_info;
  char *url;
  gboolean url_is_link;
} MeasuresSummaryEntry;

/**
 * MeasuresSummary:
 *
 * The content of a summary, built once and written by each renderer, so
 * that the PDF, the print, HTML and Markdown say the same.
 */
typedef struct
{
  MeasuresTranslations *translations;
  gboolean single;
  char *title;
  char *subtitle;
  char *date;
  GPtrArray *by_form;         /* MeasuresSummaryCount */
  GPtrArray *by_type;         /* MeasuresSummaryCount */
  GPtrArray *entries;         /* MeasuresSummaryEntry */
} MeasuresSummary;

MeasuresSummary      *measures_summary_new           (GPtrArray             *measures,
                                                      MeasuresQuery         *query,
                                                      gboolean               single,
                                                      const char            *lang,
                                                      GDateTime             *date);
void                  measures_summary_free          (MeasuresSummary       *self);
const char           *measures_summary_tr            (MeasuresSummary       *self,
                                                      const char            *msgid) G_GNUC_FORMAT (2);
char                 *measures_summary_count_text    (MeasuresSummary       *self,
                                                      guint                  n);

GBytes               *measures_summary_to_html       (MeasuresSummary       *self);
GBytes               *measures_summary_to_markdown   (MeasuresSummary       *self);
GBytes               *measures_summary_to_pdf        (MeasuresSummary       *self,
                                                      GCancellable          *cancellable,
                                                      GError               **error);
GBytes               *measures_export_csv            (GPtrArray             *measures);
GBytes               *measures_export_json           (GPtrArray             *measures);

gboolean              measures_export_format_from_name (const char          *name,
                                                      MeasuresExportFormat  *format);
gboolean              measures_export_format_from_path (const char          *path,
                                                      MeasuresExportFormat  *format);
const char           *measures_export_format_extension (MeasuresExportFormat format);
gboolean              measures_export_format_is_text (MeasuresExportFormat   format);
GBytes               *measures_export_bytes          (GPtrArray             *measures,
                                                      MeasuresQuery         *query,
                                                      gboolean               single,
                                                      MeasuresExportFormat   format,
                                                      const char            *lang,
                                                      GCancellable          *cancellable,
                                                      GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresSummary, measures_summary_free)

G_END_DECLS
