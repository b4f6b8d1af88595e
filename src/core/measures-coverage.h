/* measures-coverage.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "measures-index.h"
#include "measures-translations.h"

G_BEGIN_DECLS

/**
 * MeasuresCoverageBy:
 * @MEASURES_COVERAGE_BY_CATEGORY: a column for each category of measure
 * @MEASURES_COVERAGE_BY_FORM: a column for each form of violence
 *
 * What the columns of the matrix are.
 */
typedef enum
{
  MEASURES_COVERAGE_BY_CATEGORY,
  MEASURES_COVERAGE_BY_FORM,
} MeasuresCoverageBy;

/**
 * MeasuresCoverageSort:
 * @MEASURES_COVERAGE_SORT_NAME: the countries of a region by name
 * @MEASURES_COVERAGE_SORT_COUNT: by their number of matching measures,
 *   most first, then by name
 */
typedef enum
{
  MEASURES_COVERAGE_SORT_NAME,
  MEASURES_COVERAGE_SORT_COUNT,
} MeasuresCoverageSort;

/**
 * MeasuresCoverageRow:
 * @country: the country's value in the index
 * @label: its name
 * @code: (nullable): its ISO 3166-1 alpha-2 code; %NULL when the table
 *   of countries (measures-countries) does not know the name
 * @on_map: whether the world map has it
 * @group: its region, in #MeasuresCoverage:groups
 * @matches: how many of its measures match
 * @total: how many measures it has, matching or not
 * @cells: for each column, how many of its measures that match have it
 * @possible: for each column, how many of all its measures have it; 0
 *   is "none": the data has no such measure of the country at all, which
 *   no filter can change
 */
typedef struct
{
  guint country;
  const char *label;
  const char *code;
  gboolean on_map;
  guint group;
  guint matches;
  guint total;
  guint *cells;
  guint *possible;
} MeasuresCoverageRow;

/**
 * MeasuresCoverageColumn:
 * @facet: %MEASURES_FACET_TYPE (a category) or %MEASURES_FACET_FORM
 * @value: the value's position in the index
 * @label: its label
 * @matches: how many matching measures, of any country, have it
 */
typedef struct
{
  MeasuresFacet facet;
  guint value;
  const char *label;
  guint matches;
} MeasuresCoverageColumn;

/**
 * MeasuresCoverageGroup:
 * @region: the region's value in the index, or -1 for the countries
 *   whose measures name none
 * @label: its name
 * @first: its first row
 * @n_rows: how many rows it has
 */
typedef struct
{
  int region;
  const char *label;
  guint first;
  guint n_rows;
} MeasuresCoverageGroup;

/**
 * MeasuresCoverage:
 * @by: what the columns are
 * @sort: the order of the countries in each region
 * @rows: (element-type MeasuresCoverageRow): every country, grouped by
 *   region, regions by name
 * @columns: (element-type MeasuresCoverageColumn): by label
 * @groups: (element-type MeasuresCoverageGroup): the regions, in order
 * @max: the largest count of a cell
 * @max_matches: the largest count of a country
 * @n_matches: how many measures match
 *
 * The coverage matrix: for each country and each category of measure
 * or form of violence, how many of the matching measures it has, from
 * the index's bitsets. No drawing here.
 */
typedef struct
{
  MeasuresCoverageBy by;
  MeasuresCoverageSort sort;
  GArray *rows;
  GArray *columns;
  GArray *groups;
  guint max;
  guint max_matches;
  guint n_matches;

  /*< private >*/
  guint *storage;
  GPtrArray *strings;
} MeasuresCoverage;

MeasuresCoverage *measures_coverage_new            (MeasuresIndex        *index,
                                                    const MeasuresBitset *matches,
                                                    MeasuresCoverageBy    by,
                                                    MeasuresCoverageSort  sort,
                                                    MeasuresTranslations *translations);
void              measures_coverage_free           (MeasuresCoverage     *self);
int               measures_coverage_find_row       (MeasuresCoverage     *self,
                                                    guint                 country);
char             *measures_coverage_describe_cell  (MeasuresCoverage     *self,
                                                    guint                 row,
                                                    guint                 column,
                                                    MeasuresTranslations *translations);
char             *measures_coverage_describe_figures (MeasuresCoverage   *self,
                                                      guint                 row,
                                                      guint                 column,
                                                      MeasuresTranslations *translations);
char             *measures_coverage_describe_row   (MeasuresCoverage     *self,
                                                    guint                 row,
                                                    MeasuresTranslations *translations);
char             *measures_coverage_format_cell    (MeasuresCoverage     *self,
                                                    guint                 row,
                                                    guint                 column,
                                                    MeasuresTranslations *translations);
const char       *measures_coverage_get_title      (MeasuresCoverageBy    by,
                                                    MeasuresTranslations *translations);
GPtrArray        *measures_coverage_get_table      (MeasuresCoverage     *self,
                                                    MeasuresTranslations *translations);
GPtrArray        *measures_coverage_get_not_on_map (MeasuresCoverage     *self);
GBytes           *measures_coverage_to_csv         (MeasuresCoverage     *self,
                                                    MeasuresIndex        *index);

const char       *measures_coverage_by_get_name    (MeasuresCoverageBy    by);
gboolean          measures_coverage_by_from_name   (const char           *name,
                                                    MeasuresCoverageBy   *by);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresCoverage, measures_coverage_free)

G_END_DECLS
