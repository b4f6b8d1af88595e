/* measures-overview.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "measures-index.h"
#include "measures-translations.h"

G_BEGIN_DECLS

/* A timeline shows at most this many rows: more could not be read. */
#define MEASURES_OVERVIEW_TIMELINE_KEEP 200

/**
 * MeasuresYearBin:
 * @year: the year
 * @total: how many matching measures are in force that year
 * @by_category: for each category of #MeasuresOverview:categories, how
 *   many of them have that category first among their types
 */
typedef struct
{
  int year;
  guint total;
  guint *by_category;
} MeasuresYearBin;

/**
 * MeasuresOverviewCount:
 * @facet: the facet of the value
 * @value: the value's position in the index
 * @label: its label in the UI language
 * @count: how many matching measures have it
 * @category: for a type, the position of its category (itself, or the
 *   category of a subcategory) in #MeasuresOverview:categories;
 *   %G_MAXUINT for a form
 * @chosen: whether the filters choose it (or, for a subcategory, its
 *   category), after measures_overview_mark_chosen()
 */
typedef struct
{
  MeasuresFacet facet;
  guint value;
  const char *label;
  guint count;
  guint category;
  gboolean chosen;
} MeasuresOverviewCount;

/**
 * MeasuresTimelineRow:
 * @position: the measure's position in the index
 * @country: its country's label
 * @title: its title
 * @from: its first year
 * @to: its last year, or %MEASURES_YEAR_NONE when open-ended
 */
typedef struct
{
  guint position;
  const char *country;
  const char *title;
  int from;
  int to;
} MeasuresTimelineRow;

/**
 * MeasuresOverview:
 *
 * What the charts of the matching measures show: measures in force per
 * year, split by type category; counts by form and by type; and the
 * measures that run over a period, by country, for a timeline.
 */
typedef struct
{
  int first_year;
  int last_year;
  GPtrArray *categories;     /* const char *, labels; the last is "Other" when needed */
  GArray *category_values;   /* guint, each category's value in the index; G_MAXUINT for "Other" */
  GPtrArray *category_keys;  /* const char *, each category as the data writes it, whatever the
                              * language; NULL for "Other": what its colour comes from */
  GArray *years;             /* MeasuresYearBin, first_year to last_year */
  GArray *by_form;           /* MeasuresOverviewCount, largest first */
  GArray *by_type;           /* MeasuresOverviewCount, largest first */
  GArray *timeline;          /* MeasuresTimelineRow, by country then start:
                              * the first MEASURES_OVERVIEW_TIMELINE_KEEP */
  guint n_timeline;          /* how many measures run over a period in all */
  GArray *spans;             /* all of them, for relabelling; private */
  guint n_undated;

  /* What the filters chose, after measures_overview_mark_chosen(), so
   * that a chart can show it: the years (MEASURES_YEAR_NONE at an open
   * end), and in by_form and by_type, MeasuresOverviewCount:chosen. */
  gboolean years_chosen;
  int chosen_from;
  int chosen_to;

  /*< private >*/
  GPtrArray *strings;        /* labels owned by the overview, after relabelling */
} MeasuresOverview;

MeasuresOverview *measures_overview_new   (MeasuresIndex        *index,
                                           const MeasuresBitset *matches,
                                           int                   current_year);
void              measures_overview_free  (MeasuresOverview     *self);
void              measures_overview_mark_chosen (MeasuresOverview *self,
                                                 MeasuresIndex    *index,
                                                 MeasuresQuery    *query);
gboolean          measures_overview_year_chosen (MeasuresOverview *self,
                                                 int               year);
void              measures_overview_relabel (MeasuresOverview   *self,
                                             MeasuresIndex        *index,
                                             MeasuresTranslations *translations);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresOverview, measures_overview_free)

G_END_DECLS
