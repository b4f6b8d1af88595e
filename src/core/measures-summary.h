/* measures-summary.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "measures-chart.h"
#include "measures-index.h"
#include "measures-measure.h"
#include "measures-overview.h"
#include "measures-query.h"
#include "measures-translations.h"

G_BEGIN_DECLS

/**
 * MeasuresSummaryKind:
 * @MEASURES_SUMMARY_HEADING: a heading of @level: 1 the summary's title,
 *   2 a part of the cover, 3 one measure's title, 4 a part of a measure
 * @MEASURES_SUMMARY_PARAGRAPH: a paragraph of @text in @style
 * @MEASURES_SUMMARY_LIST_ITEM: an item of a list; the items of one list
 *   share @group
 * @MEASURES_SUMMARY_FIELD: @label and its @values (none, one or several);
 *   the fields of one table share @group; @link is the value as a safe
 *   address, when it is one
 * @MEASURES_SUMMARY_TABLE: a table of @rows under @header (or none);
 *   with @counts, the last column is a count; with @links, row i leads
 *   to the measure numbered i + 1
 * @MEASURES_SUMMARY_CHART: @chart of the summary's overview; @text is
 *   its title
 * @MEASURES_SUMMARY_PAGE_BREAK: the start of the measure numbered
 *   @measure: a writer that pages may start a page there
 *
 * The kinds of the blocks a summary is made of.
 */
typedef enum
{
  MEASURES_SUMMARY_HEADING,
  MEASURES_SUMMARY_PARAGRAPH,
  MEASURES_SUMMARY_LIST_ITEM,
  MEASURES_SUMMARY_FIELD,
  MEASURES_SUMMARY_TABLE,
  MEASURES_SUMMARY_CHART,
  MEASURES_SUMMARY_PAGE_BREAK,
} MeasuresSummaryKind;

/**
 * MeasuresParagraphStyle:
 * @MEASURES_PARAGRAPH_BODY: record text; its line breaks are kept
 * @MEASURES_PARAGRAPH_SUBTITLE: the subtitle under the summary's title
 * @MEASURES_PARAGRAPH_DATE: the date (and count) under the subtitle
 * @MEASURES_PARAGRAPH_NOTE: a remark on a measure, such as a text shown
 *   in English
 */
typedef enum
{
  MEASURES_PARAGRAPH_BODY,
  MEASURES_PARAGRAPH_SUBTITLE,
  MEASURES_PARAGRAPH_DATE,
  MEASURES_PARAGRAPH_NOTE,
} MeasuresParagraphStyle;

/**
 * MeasuresSummaryBlock:
 *
 * One block of a summary; which fields mean something depends on @kind
 * (see #MeasuresSummaryKind). Every text is in the summary's language.
 */
typedef struct
{
  MeasuresSummaryKind kind;
  char *text;
  guint level;
  MeasuresParagraphStyle style;
  guint group;
  char *label;
  GStrv values;
  char *link;
  GStrv header;
  GPtrArray *rows;            /* GStrv */
  gboolean counts;
  gboolean links;
  MeasuresChart chart;
  guint measure;
} MeasuresSummaryBlock;

/**
 * MeasuresSummary:
 * @translations: the summary's language
 * @single: whether it is the summary of one selected measure
 * @title: its title
 * @subtitle: what it is of: the filters, or the measure's country and years
 * @date: the date on its cover
 * @author: who made it, for a document's properties
 * @blocks: (element-type MeasuresSummaryBlock): what its cover says, in
 *   order; each measure's blocks follow, from measures_summary_dup_part()
 * @overview: (nullable): the figures its charts show
 * @chart_style: how its charts are drawn
 *
 * A summary, a flat list of blocks that each writer (PDF, print, HTML,
 * Markdown) walks part by part, so that all of them say the same: the
 * cover, built at once, then the blocks of each measure, made when asked
 * for.
 */
typedef struct
{
  MeasuresTranslations *translations;
  gboolean single;
  char *title;
  char *subtitle;
  char *date;
  const char *author;
  GPtrArray *blocks;
  MeasuresOverview *overview;
  MeasuresChartStyle chart_style;

  /*< private >*/
  MeasuresIndex *index;       /* of the measures, for the overview's labels */
  GPtrArray *measures;        /* MeasuresMeasure, in order */
  GPtrArray *filling;         /* where blocks are being added */
} MeasuresSummary;

MeasuresSummary      *measures_summary_new           (GPtrArray             *measures,
                                                      MeasuresQuery         *query,
                                                      gboolean               single,
                                                      const char            *lang,
                                                      GDateTime             *date);
void                  measures_summary_free          (MeasuresSummary       *self);
guint                 measures_summary_get_n_parts   (MeasuresSummary       *self);
GPtrArray            *measures_summary_dup_part      (MeasuresSummary       *self,
                                                      guint                  part);
char                 *measures_summary_dup_page_label (MeasuresSummary      *self,
                                                       guint                  page,
                                                       guint                  n_pages);
char                 *measures_summary_block_dup_value (const MeasuresSummaryBlock *block,
                                                        const char            *separator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresSummary, measures_summary_free)

G_END_DECLS
