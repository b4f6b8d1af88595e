/* measures-summary.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "measures-measure.h"
#include "measures-query.h"
#include "measures-translations.h"

G_BEGIN_DECLS

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresSummary, measures_summary_free)

G_END_DECLS
