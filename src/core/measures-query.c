/* measures-query.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-query"

#include "config.h"

#include <string.h>

#include "measures-query.h"
#include "measures-text.h"

/* What the user is looking for. Values chosen inside one facet are
 * ORed, facets are ANDed, and every search word must be the start of
 * some word of the record. Facet values compare case-insensitively, so
 * they are kept case-folded.
 */
struct _MeasuresQuery
{
  GObject parent_instance;

  GStrv countries;
  GStrv regions;
  GStrv types;
  GStrv forms;
  int year_from;
  int year_to;
  char *search;
  GStrv search_words;
};

G_DEFINE_FINAL_TYPE (MeasuresQuery, measures_query, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
measures_query_finalize (GObject *object)
{
  MeasuresQuery *self = (MeasuresQuery *)object;

  g_clear_pointer (&self->countries, g_strfreev);
  g_clear_pointer (&self->regions, g_strfreev);
  g_clear_pointer (&self->types, g_strfreev);
  g_clear_pointer (&self->forms, g_strfreev);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->search_words, g_strfreev);

  G_OBJECT_CLASS (measures_query_parent_class)->finalize (object);
}

static void
measures_query_class_init (MeasuresQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = measures_query_finalize;

  /**
   * MeasuresQuery::changed:
   *
   * Emitted when any criterion changes.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
measures_query_init (MeasuresQuery *self)
{
  self->countries = g_new0 (char *, 1);
  self->regions = g_new0 (char *, 1);
  self->types = g_new0 (char *, 1);
  self->forms = g_new0 (char *, 1);
  self->search = g_strdup ("");
  self->search_words = g_new0 (char *, 1);
}

MeasuresQuery *
measures_query_new (void)
{
  return g_object_new (MEASURES_TYPE_QUERY, NULL);
}

static GStrv
casefold_all (const char * const *values)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (values[i], -1);

      g_strv_builder_add (builder, folded);
    }

  return g_strv_builder_end (builder);
}

static void
replace_values (MeasuresQuery      *self,
                GStrv              *field,
                const char * const *values)
{
  GStrv folded = casefold_all (values);

  if (g_strv_equal ((const char * const *) *field, (const char * const *) folded))
    {
      g_strfreev (folded);
      return;
    }

  g_strfreev (*field);
  *field = folded;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * measures_query_set_places:
 * @countries: (nullable): countries to match
 * @regions: (nullable): regions to match
 *
 * A measure matches when its country is one of @countries or its region
 * one of @regions. With neither, every place matches.
 */
void
measures_query_set_places (MeasuresQuery      *self,
                           const char * const *countries,
                           const char * const *regions)
{
  g_return_if_fail (MEASURES_IS_QUERY (self));

  replace_values (self, &self->countries, countries);
  replace_values (self, &self->regions, regions);
}

/**
 * measures_query_set_types:
 * @types: (nullable): types such as "Policies > National strategy …",
 *   or bare categories such as "Policies", which include their
 *   subcategories
 */
void
measures_query_set_types (MeasuresQuery      *self,
                          const char * const *types)
{
  g_return_if_fail (MEASURES_IS_QUERY (self));

  replace_values (self, &self->types, types);
}

void
measures_query_set_forms (MeasuresQuery      *self,
                          const char * const *forms)
{
  g_return_if_fail (MEASURES_IS_QUERY (self));

  replace_values (self, &self->forms, forms);
}

/**
 * measures_query_set_years:
 * @from: the first year, or %MEASURES_YEAR_NONE for no lower bound
 * @to: the last year, or %MEASURES_YEAR_NONE for no upper bound
 *
 * A measure matches when its period overlaps the range. While either
 * bound is set, measures without a year do not match.
 */
void
measures_query_set_years (MeasuresQuery *self,
                          int            from,
                          int            to)
{
  g_return_if_fail (MEASURES_IS_QUERY (self));

  if (self->year_from == from && self->year_to == to)
    return;

  self->year_from = from;
  self->year_to = to;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
measures_query_set_search (MeasuresQuery *self,
                           const char    *text)
{
  g_autofree char *words = NULL;

  g_return_if_fail (MEASURES_IS_QUERY (self));

  if (text == NULL)
    text = "";

  if (g_str_equal (self->search, text))
    return;

  g_free (self->search);
  self->search = g_strdup (text);

  words = measures_fold_words (text);
  g_strfreev (self->search_words);
  self->search_words = *words != '\0' ? g_strsplit (words, " ", -1) : g_new0 (char *, 1);

  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
measures_query_get_search (MeasuresQuery *self)
{
  g_return_val_if_fail (MEASURES_IS_QUERY (self), NULL);

  return self->search;
}

gboolean
measures_query_is_empty (MeasuresQuery *self)
{
  g_return_val_if_fail (MEASURES_IS_QUERY (self), TRUE);

  return self->countries[0] == NULL && self->regions[0] == NULL &&
         self->types[0] == NULL && self->forms[0] == NULL &&
         self->year_from == MEASURES_YEAR_NONE && self->year_to == MEASURES_YEAR_NONE &&
         self->search_words[0] == NULL;
}

static gboolean
value_in (const char         *value,
          const char * const *folded_values)
{
  g_autofree char *folded = NULL;

  if (value == NULL)
    return FALSE;

  folded = g_utf8_casefold (value, -1);

  return g_strv_contains (folded_values, folded);
}

/* "Policies > National strategy" is in "Policies" and in itself. */
static gboolean
type_in (const char         *type,
         const char * const *folded_types)
{
  g_autofree char *folded = g_utf8_casefold (type, -1);
  const char *separator;

  if (g_strv_contains (folded_types, folded))
    return TRUE;

  separator = strchr (folded, '>');
  if (separator != NULL)
    {
      g_autofree char *category = g_strstrip (g_strndup (folded, separator - folded));

      return g_strv_contains (folded_types, category);
    }

  return FALSE;
}

static gboolean
any_in (const char * const *values,
        const char * const *folded_values,
        gboolean          (*in) (const char *, const char * const *))
{
  for (guint i = 0; values[i] != NULL; i++)
    if (in (values[i], folded_values))
      return TRUE;

  return FALSE;
}

/* Is @word the start of some word of @text, whose words are separated
 * by single spaces? */
static gboolean
has_word_prefix (const char *text,
                 const char *word)
{
  gsize len = strlen (word);

  for (const char *p = text; (p = strstr (p, word)) != NULL; p++)
    if (p == text || p[-1] == ' ')
      return TRUE;

  return len == 0;
}

/**
 * measures_query_matches:
 * @self: a query
 * @measure: a measure
 *
 * Returns: whether @measure meets every criterion of @self
 */
gboolean
measures_query_matches (MeasuresQuery   *self,
                        MeasuresMeasure *measure)
{
  const char * const *countries = (const char * const *) self->countries;
  const char * const *regions = (const char * const *) self->regions;

  g_return_val_if_fail (MEASURES_IS_QUERY (self), FALSE);
  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), FALSE);

  if ((countries[0] != NULL || regions[0] != NULL) &&
      !value_in (measures_measure_get_country (measure), countries) &&
      !value_in (measures_measure_get_region (measure), regions))
    return FALSE;

  if (self->year_from != MEASURES_YEAR_NONE || self->year_to != MEASURES_YEAR_NONE)
    {
      int from = measures_measure_get_year_from (measure);
      int to = measures_measure_get_year_to (measure);

      if (from == MEASURES_YEAR_NONE)
        return FALSE;
      if (self->year_to != MEASURES_YEAR_NONE && from > self->year_to)
        return FALSE;
      if (self->year_from != MEASURES_YEAR_NONE && to != MEASURES_YEAR_NONE &&
          to < self->year_from)
        return FALSE;
    }

  if (self->types[0] != NULL &&
      !any_in (measures_measure_get_types (measure), (const char * const *) self->types, type_in))
    return FALSE;

  if (self->forms[0] != NULL &&
      !any_in (measures_measure_get_forms (measure), (const char * const *) self->forms, value_in))
    return FALSE;

  for (guint i = 0; self->search_words[i] != NULL; i++)
    if (!has_word_prefix (measures_measure_get_search_text (measure), self->search_words[i]))
      return FALSE;

  return TRUE;
}
