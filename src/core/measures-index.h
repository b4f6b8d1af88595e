/* measures-index.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "measures-bitset.h"
#include "measures-measure.h"
#include "measures-query.h"
#include "measures-vocabulary.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_INDEX (measures_index_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresIndex, measures_index, MEASURES, INDEX, GObject)

/**
 * MeasuresSort:
 * @MEASURES_SORT_NONE: the order of the datasets
 * @MEASURES_SORT_TITLE: by title, with the locale's collation
 * @MEASURES_SORT_COUNTRY: by country name, with the locale's collation
 * @MEASURES_SORT_YEAR: by first year, then last year; undated last
 * @MEASURES_SORT_TYPE: by types of measure
 * @MEASURES_SORT_FORM: by forms of violence
 */
typedef enum
{
  MEASURES_SORT_NONE,
  MEASURES_SORT_TITLE,
  MEASURES_SORT_COUNTRY,
  MEASURES_SORT_YEAR,
  MEASURES_SORT_TYPE,
  MEASURES_SORT_FORM,
  MEASURES_N_SORTS,
} MeasuresSort;

/**
 * MeasuresResult:
 * @matches: the measures that meet the query
 * @n_matches: how many they are
 * @counts: for each facet, for each of its values (in the index's
 *   order), how many measures would match if that value were chosen,
 *   given every other criterion
 * @n_starred: how many starred measures would match if "Starred" were
 *   chosen, given every other criterion
 * @n_collections: how many collections the query's library has
 * @collection_counts: for each, in the library's order, how many of its
 *   measures would match if it were chosen, given every other criterion
 *
 * The answer to a query.
 */
typedef struct
{
  MeasuresBitset *matches;
  guint           n_matches;
  guint          *counts[MEASURES_N_FACETS];
  guint           n_starred;
  guint           n_collections;
  guint          *collection_counts;
} MeasuresResult;

void                measures_result_free             (MeasuresResult   *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresResult, measures_result_free)

MeasuresIndex      *measures_index_new               (GPtrArray        *measures);
guint               measures_index_get_n_measures    (MeasuresIndex    *self);
MeasuresMeasure    *measures_index_get_measure       (MeasuresIndex    *self,
                                                      guint             position);
guint               measures_index_get_n_values      (MeasuresIndex    *self,
                                                      MeasuresFacet     facet);
const char         *measures_index_get_value         (MeasuresIndex    *self,
                                                      MeasuresFacet     facet,
                                                      guint             value);
const char         *measures_index_get_value_label   (MeasuresIndex    *self,
                                                      MeasuresFacet     facet,
                                                      guint             value);
int                 measures_index_get_value_parent  (MeasuresIndex    *self,
                                                      MeasuresFacet     facet,
                                                      guint             value);
int                 measures_index_get_country_region (MeasuresIndex *self,
                                                       guint             country);
guint               measures_index_count_value       (MeasuresIndex    *self,
                                                      MeasuresFacet     facet,
                                                      guint             value,
                                                      const MeasuresBitset *matches);
const MeasuresBitset *measures_index_get_value_measures (MeasuresIndex *self,
                                                         MeasuresFacet  facet,
                                                         guint          value);
guint               measures_index_get_first_category (MeasuresIndex   *self,
                                                       guint             position);
int                 measures_index_find_value        (MeasuresIndex    *self,
                                                      MeasuresFacet     facet,
                                                      const char       *value);
const guint        *measures_index_get_countries     (MeasuresIndex    *self);
void                measures_index_get_years         (MeasuresIndex    *self,
                                                      const int       **from,
                                                      const int       **to);
gboolean            measures_index_get_year_span     (MeasuresIndex    *self,
                                                      int              *first,
                                                      int              *last);
MeasuresResult     *measures_index_evaluate          (MeasuresIndex    *self,
                                                      MeasuresQuery    *query);
void                measures_index_forget_orders     (MeasuresIndex    *self);
void                measures_index_prepare_orders    (MeasuresIndex    *self);
MeasuresBitset     *measures_index_find_ids          (MeasuresIndex    *self,
                                                      const char * const *ids);
const guint        *measures_index_get_order         (MeasuresIndex    *self,
                                                      MeasuresSort      sort,
                                                      gboolean          descending);

G_END_DECLS
