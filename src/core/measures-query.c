/* measures-query.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-query"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-query.h"
#include "measures-text.h"
#include "measures-vocabulary.h"

/* What the user is looking for; the plain statement of the rules.
 * MeasuresIndex answers the same questions with set operations, and a
 * test checks that the two agree. Values chosen inside one facet are
 * ORed, facets are ANDed, and every search word must be the start of
 * some word of the record. Facet values compare case-insensitively, so
 * they are kept case-folded.
 */
struct _MeasuresQuery
{
  GObject parent_instance;

  /* Facet keys (see measures_facet_key()), by MeasuresFacet, and the
   * values as they were chosen, for showing them */
  GStrv values[MEASURES_N_FACETS];
  GStrv chosen[MEASURES_N_FACETS];
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

  for (guint i = 0; i < MEASURES_N_FACETS; i++)
    {
      g_clear_pointer (&self->values[i], g_strfreev);
      g_clear_pointer (&self->chosen[i], g_strfreev);
    }
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
  for (guint i = 0; i < MEASURES_N_FACETS; i++)
    {
      self->values[i] = g_new0 (char *, 1);
      self->chosen[i] = g_new0 (char *, 1);
    }
  self->search = g_strdup ("");
  self->search_words = g_new0 (char *, 1);
}

MeasuresQuery *
measures_query_new (void)
{
  return g_object_new (MEASURES_TYPE_QUERY, NULL);
}

static GStrv
facet_keys (MeasuresFacet       facet,
            const char * const *values,
            GStrv              *chosen)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) chosen_builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      char *key = measures_facet_key (facet, values[i]);

      if (*key == '\0' || g_ptr_array_find_with_equal_func (seen, key, g_str_equal, NULL))
        {
          g_free (key);
          continue;
        }

      g_strv_builder_add (builder, key);
      g_strv_builder_add (chosen_builder, values[i]);
      g_ptr_array_add (seen, key);
    }

  *chosen = g_strv_builder_end (chosen_builder);

  return g_strv_builder_end (builder);
}

static gboolean
replace_values (MeasuresQuery      *self,
                MeasuresFacet       facet,
                const char * const *values)
{
  GStrv chosen = NULL;
  GStrv keys = facet_keys (facet, values, &chosen);

  if (g_strv_equal ((const char * const *) self->values[facet], (const char * const *) keys))
    {
      g_strfreev (keys);
      g_strfreev (chosen);
      return FALSE;
    }

  g_strfreev (self->values[facet]);
  self->values[facet] = keys;
  g_strfreev (self->chosen[facet]);
  self->chosen[facet] = chosen;

  return TRUE;
}

/**
 * measures_query_set_values:
 * @self: a query
 * @facet: a facet
 * @values: (nullable): the values chosen in @facet
 *
 * Sets the values chosen in one facet; a measure matches the facet when
 * it has any of them. Countries and regions together make the place
 * facet: a measure matches when its country is one of the chosen
 * countries or its region one of the chosen regions. A type category
 * such as "Policies" includes all its subcategories.
 */
void
measures_query_set_values (MeasuresQuery      *self,
                           MeasuresFacet       facet,
                           const char * const *values)
{
  g_return_if_fail (MEASURES_IS_QUERY (self));
  g_return_if_fail (facet < MEASURES_N_FACETS);

  if (replace_values (self, facet, values))
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * measures_query_get_chosen:
 *
 * Returns: (transfer none): the values chosen in @facet, as they were
 *   given, without repeats
 */
const char * const *
measures_query_get_chosen (MeasuresQuery *self,
                           MeasuresFacet  facet)
{
  g_return_val_if_fail (MEASURES_IS_QUERY (self), NULL);
  g_return_val_if_fail (facet < MEASURES_N_FACETS, NULL);

  return (const char * const *) self->chosen[facet];
}

/**
 * measures_query_clear:
 *
 * Drops every criterion, the search text included.
 */
void
measures_query_clear (MeasuresQuery *self)
{
  gboolean changed = FALSE;

  g_return_if_fail (MEASURES_IS_QUERY (self));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < MEASURES_N_FACETS; i++)
    changed |= replace_values (self, i, NULL);
  if (self->year_from != MEASURES_YEAR_NONE || self->year_to != MEASURES_YEAR_NONE)
    {
      self->year_from = self->year_to = MEASURES_YEAR_NONE;
      changed = TRUE;
    }
  if (*self->search != '\0')
    {
      g_free (self->search);
      self->search = g_strdup ("");
      g_strfreev (self->search_words);
      self->search_words = g_new0 (char *, 1);
      changed = TRUE;
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * measures_query_assign:
 * @self: a query
 * @other: the query to copy
 *
 * Makes @self ask for what @other asks for, with one ::changed.
 */
void
measures_query_assign (MeasuresQuery *self,
                       MeasuresQuery *other)
{
  gboolean changed = FALSE;

  g_return_if_fail (MEASURES_IS_QUERY (self));
  g_return_if_fail (MEASURES_IS_QUERY (other));

  for (guint i = 0; i < MEASURES_N_FACETS; i++)
    changed |= replace_values (self, i, (const char * const *) other->chosen[i]);

  if (self->year_from != other->year_from || self->year_to != other->year_to)
    {
      self->year_from = other->year_from;
      self->year_to = other->year_to;
      changed = TRUE;
    }

  if (!g_str_equal (self->search, other->search))
    {
      g_free (self->search);
      self->search = g_strdup (other->search);
      g_strfreev (self->search_words);
      self->search_words = g_strdupv (other->search_words);
      changed = TRUE;
    }

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * measures_query_describe:
 * @self: a query
 *
 * Describes the criteria in plain words for a heading or an empty
 * state, such as "Romania · Trafficking · 2018–2022 · “strategy”", with
 * the labels of the UI language.
 *
 * Returns: (transfer full): the description, empty when nothing is chosen
 */
char *
measures_query_describe (MeasuresQuery *self)
{
  static const MeasuresFacet order[] = {
    MEASURES_FACET_REGION, MEASURES_FACET_COUNTRY, MEASURES_FACET_TYPE, MEASURES_FACET_FORM,
  };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (MEASURES_IS_QUERY (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char * const *chosen = (const char * const *) self->chosen[order[i]];
      g_autoptr(GString) facet = g_string_new (NULL);

      for (guint k = 0; chosen[k] != NULL; k++)
        {
          g_autofree char *label = measures_vocabulary_label (order[i], chosen[k]);

          /* Translators: joins the values chosen in one filter, "Romania or Moldova" */
          g_string_append_printf (facet, "%s%s", k > 0 ? _(" or ") : "", label);
        }

      if (facet->len > 0)
        g_ptr_array_add (parts, g_string_free (g_steal_pointer (&facet), FALSE));
    }

  if (self->year_from != MEASURES_YEAR_NONE && self->year_to != MEASURES_YEAR_NONE)
    g_ptr_array_add (parts, measures_format_period (self->year_from, self->year_to));
  else if (self->year_from != MEASURES_YEAR_NONE)
    g_ptr_array_add (parts, measures_format_period (self->year_from, MEASURES_YEAR_NONE));
  else if (self->year_to != MEASURES_YEAR_NONE)
    /* Translators: a range of years with no start */
    g_ptr_array_add (parts, g_strdup_printf (_("until %d"), self->year_to));

  if (self->search_words[0] != NULL)
    {
      g_autofree char *search = g_strstrip (g_strdup (self->search));

      /* Translators: the words searched for, in the quotation marks of
       * your language */
      g_ptr_array_add (parts, g_strdup_printf (_("“%s”"), search));
    }

  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " · " : "", (char *) g_ptr_array_index (parts, i));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * measures_query_get_values:
 *
 * Returns: (transfer none): the keys of the values chosen in @facet
 */
const char * const *
measures_query_get_values (MeasuresQuery *self,
                           MeasuresFacet  facet)
{
  g_return_val_if_fail (MEASURES_IS_QUERY (self), NULL);
  g_return_val_if_fail (facet < MEASURES_N_FACETS, NULL);

  return (const char * const *) self->values[facet];
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
  gboolean changed;

  g_return_if_fail (MEASURES_IS_QUERY (self));

  changed = replace_values (self, MEASURES_FACET_COUNTRY, countries);
  changed |= replace_values (self, MEASURES_FACET_REGION, regions);

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
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
  measures_query_set_values (self, MEASURES_FACET_TYPE, types);
}

void
measures_query_set_forms (MeasuresQuery      *self,
                          const char * const *forms)
{
  measures_query_set_values (self, MEASURES_FACET_FORM, forms);
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

/**
 * measures_query_get_search_words:
 *
 * Returns: (transfer none): the folded words of the search text
 */
const char * const *
measures_query_get_search_words (MeasuresQuery *self)
{
  g_return_val_if_fail (MEASURES_IS_QUERY (self), NULL);

  return (const char * const *) self->search_words;
}

gboolean
measures_query_has_years (MeasuresQuery *self)
{
  g_return_val_if_fail (MEASURES_IS_QUERY (self), FALSE);

  return self->year_from != MEASURES_YEAR_NONE || self->year_to != MEASURES_YEAR_NONE;
}

/**
 * measures_query_get_years:
 * @from: (out) (optional): the first year, or %MEASURES_YEAR_NONE
 * @to: (out) (optional): the last year, or %MEASURES_YEAR_NONE
 */
void
measures_query_get_years (MeasuresQuery *self,
                          int           *from,
                          int           *to)
{
  g_return_if_fail (MEASURES_IS_QUERY (self));

  if (from != NULL)
    *from = self->year_from;
  if (to != NULL)
    *to = self->year_to;
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

  for (guint i = 0; i < MEASURES_N_FACETS; i++)
    if (self->values[i][0] != NULL)
      return FALSE;

  return !measures_query_has_years (self) && self->search_words[0] == NULL;
}

static gboolean
has_any (MeasuresFacet       facet,
         const char * const *values,
         const char * const *keys)
{
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *key = measures_facet_key (facet, values[i]);

      if (g_strv_contains (keys, key))
        return TRUE;

      /* "Policies > National strategy" is in "Policies". */
      if (facet == MEASURES_FACET_TYPE)
        {
          g_autofree char *category = measures_type_get_category (values[i]);
          g_autofree char *category_key = measures_facet_key (facet, category);

          if (g_strv_contains (keys, category_key))
            return TRUE;
        }
    }

  return FALSE;
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
  const char * const *countries = (const char * const *) self->values[MEASURES_FACET_COUNTRY];
  const char * const *regions = (const char * const *) self->values[MEASURES_FACET_REGION];
  const char *one[2] = { NULL, NULL };

  g_return_val_if_fail (MEASURES_IS_QUERY (self), FALSE);
  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), FALSE);

  if (countries[0] != NULL || regions[0] != NULL)
    {
      gboolean in_place;

      one[0] = measures_measure_get_country (measure);
      in_place = has_any (MEASURES_FACET_COUNTRY, one, countries);
      one[0] = measures_measure_get_region (measure);
      if (!in_place && one[0] != NULL)
        in_place = has_any (MEASURES_FACET_REGION, one, regions);
      if (!in_place)
        return FALSE;
    }

  if (measures_query_has_years (self))
    {
      int from = measures_measure_get_year_from (measure);
      int to = measures_measure_get_year_to (measure);

      if (!measures_period_overlaps (from, to, self->year_from, self->year_to))
        return FALSE;
    }

  if (self->values[MEASURES_FACET_TYPE][0] != NULL &&
      !has_any (MEASURES_FACET_TYPE, measures_measure_get_types (measure),
                (const char * const *) self->values[MEASURES_FACET_TYPE]))
    return FALSE;

  if (self->values[MEASURES_FACET_FORM][0] != NULL &&
      !has_any (MEASURES_FACET_FORM, measures_measure_get_forms (measure),
                (const char * const *) self->values[MEASURES_FACET_FORM]))
    return FALSE;

  if (self->search_words[0] != NULL)
    {
      g_autofree char *text = measures_measure_dup_search_text (measure);

      for (guint i = 0; self->search_words[i] != NULL; i++)
        if (!measures_text_has_word_prefix (text, self->search_words[i]))
          return FALSE;
    }

  return TRUE;
}
