/* measures-summary.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "measures-chart.h"
#include "measures-coverage.h"
#include "measures-index.h"
#include "measures-map.h"
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
 * @MEASURES_SUMMARY_MATRIX: the coverage matrix of #MeasuresSummary:coverage,
 *   as a table of @rows under @header (country, region, a count per
 *   column, the country's matching measures) that a writer may draw
 *   instead; @text is its title, @label what "–" and "0" mean
 * @MEASURES_SUMMARY_MAP: the world map of #MeasuresSummary:coverage, at
 *   #MeasuresSummary:zoom; @text is its title
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
  MEASURES_SUMMARY_MATRIX,
  MEASURES_SUMMARY_MAP,
} MeasuresSummaryKind;

/**
 * MeasuresSummaryParts:
 * @MEASURES_SUMMARY_PART_MATRIX: the coverage matrix, after the counts
 * @MEASURES_SUMMARY_PART_MAP: the world map, on the cover
 *
 * What a summary of several measures carries beyond its charts, counts
 * and contents, when the user asks for it.
 */
typedef enum
{
  MEASURES_SUMMARY_PART_MATRIX = 1 << 0,
  MEASURES_SUMMARY_PART_MAP = 1 << 1,
} MeasuresSummaryParts;

/**
 * MeasuresSummaryOptions:
 * @parts: what it carries beyond its charts, counts and contents
 * @by: the columns of the matrix
 * @zoom: the part of the world the map shows
 * @index: (nullable): the index the measures were chosen from, so that
 *   the matrix tells "none in the data" from "none that matches"; %NULL
 *   to count the summary's own measures alone
 * @matches: (nullable): with @index, the summary's measures in it
 *
 * How a summary is made beyond its measures and language.
 */
typedef struct
{
  MeasuresSummaryParts parts;
  MeasuresCoverageBy by;
  MeasuresMapZoom zoom;
  MeasuresIndex *index;
  const MeasuresBitset *matches;
} MeasuresSummaryOptions;

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
 * @coverage: (nullable): the figures of its matrix and map, when it
 *   has either
 * @zoom: the part of the world its map shows
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
  MeasuresCoverage *coverage;
  MeasuresMapZoom zoom;

  /*< private >*/
  MeasuresIndex *index;       /* of the measures, for the overview's labels */
  MeasuresIndex *coverage_index;
  GPtrArray *measures;        /* MeasuresMeasure, in order */
  GPtrArray *filling;         /* where blocks are being added */
} MeasuresSummary;

MeasuresSummary      *measures_summary_new           (GPtrArray             *measures,
                                                      MeasuresQuery         *query,
                                                      gboolean               single,
                                                      const char            *lang,
                                                      GDateTime             *date);
MeasuresSummary      *measures_summary_new_full      (GPtrArray             *measures,
                                                      MeasuresQuery         *query,
                                                      gboolean               single,
                                                      const char            *lang,
                                                      GDateTime             *date,
                                                      const MeasuresSummaryOptions *options);
void                  measures_summary_free          (MeasuresSummary       *self);
guint                 measures_summary_get_n_parts   (MeasuresSummary       *self);
GPtrArray            *measures_summary_dup_part      (MeasuresSummary       *self,
                                                      guint                  part);
char                 *measures_summary_dup_page_label (MeasuresSummary      *self,
                                                       guint                  page,
                                                       guint                  n_pages);
char                 *measures_summary_block_dup_value (const MeasuresSummaryBlock *block,
                                                        const char            *separator);

gboolean              measures_summary_parts_from_names (const char * const *names,
                                                         MeasuresSummaryParts *parts,
                                                         char              **bad_name);

MeasuresSummaryOptions *measures_summary_options_copy (const MeasuresSummaryOptions *options);
void                  measures_summary_options_free   (MeasuresSummaryOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresSummary, measures_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresSummaryOptions, measures_summary_options_free)

G_END_DECLS
