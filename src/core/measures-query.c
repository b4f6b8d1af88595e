/* measures-query.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-query"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-library.h"
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

  /* The user's marks: starred measures, and measures in any of the
   * collections (ids); both read from @library. */
  MeasuresLibrary *library;
  GStrv collections;
  gboolean starred;
  gboolean notes_only;        /* the search looks in notes alone */
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
  g_clear_pointer (&self->collections, g_strfreev);
  g_clear_object (&self->library);

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
  self->collections = g_new0 (char *, 1);
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

/* Sets the marks asked for; whether that changed anything. */
static gboolean
set_marks (MeasuresQuery      *self,
           gboolean            starred,
           const char * const *collections,
           gboolean            notes_only)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  gboolean changed = FALSE;

  /* Without repeats, in the order given. */
  for (guint i = 0; collections != NULL && collections[i] != NULL; i++)
    if (*collections[i] != '\0' && !g_ptr_array_find_with_equal_func (ids, collections[i], g_str_equal, NULL))
      g_ptr_array_add (ids, (gpointer) collections[i]);
  g_ptr_array_add (ids, NULL);

  if (!g_strv_equal ((const char * const *) self->collections, (const char * const *) ids->pdata))
    {
      g_strfreev (self->collections);
      self->collections = g_strdupv ((char **) ids->pdata);
      changed = TRUE;
    }
  if (self->starred != !!starred)
    {
      self->starred = !!starred;
      changed = TRUE;
    }
  if (self->notes_only != !!notes_only)
    {
      self->notes_only = !!notes_only;
      changed = TRUE;
    }

  return changed;
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
  changed |= set_marks (self, FALSE, NULL, FALSE);
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

  changed |= set_marks (self, other->starred, (const char * const *) other->collections, other->notes_only);

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

  if (self->starred)
    g_ptr_array_add (parts, g_strdup (C_("filter", "Starred")));

  if (self->collections[0] != NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint k = 0; self->collections[k] != NULL; k++)
        {
          const char *name = self->library != NULL
                             ? measures_library_get_collection_name (self->library, self->collections[k])
                             : NULL;

          g_string_append_printf (names, "%s%s", k > 0 ? _(" or ") : "",
                                  name != NULL ? name : self->collections[k]);
        }
      g_ptr_array_add (parts, g_string_free (g_steal_pointer (&names), FALSE));
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

      g_ptr_array_add (parts, self->notes_only
                       /* Translators: the search of notes alone, “%s” the words */
                              ? g_strdup_printf (_("notes with “%s”"), search)
                       /* Translators: the words searched for, in the quotation
                        * marks of your language */
                              : g_strdup_printf (_("“%s”"), search));
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

  return !measures_query_has_years (self) && self->search_words[0] == NULL &&
         !self->starred && self->collections[0] == NULL;
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
 * The marks are read from the query's library (see
 * measures_query_set_library()); with none, a query for starred measures
 * or for collections matches nothing, and notes are not searched.
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

  if (self->starred &&
      (self->library == NULL || !measures_library_is_starred (self->library, measures_measure_get_id (measure))))
    return FALSE;

  if (self->collections[0] != NULL)
    {
      gboolean in_any = FALSE;

      for (guint i = 0; self->library != NULL && self->collections[i] != NULL && !in_any; i++)
        in_any = measures_library_in_collection (self->library, self->collections[i],
                                                 measures_measure_get_id (measure));
      if (!in_any)
        return FALSE;
    }

  /* A note is searched as part of its measure's text, or alone. */
  if (self->search_words[0] != NULL)
    {
      const char *note = self->library != NULL
                         ? measures_library_get_folded_note (self->library, measures_measure_get_id (measure))
                         : NULL;
      g_autofree char *own = self->notes_only ? NULL : measures_measure_dup_search_text (measure);
      g_autofree char *text = NULL;

      if (self->notes_only)
        text = g_strdup (note != NULL ? note : "");
      else
        text = note != NULL ? g_strconcat (own, " ", note, NULL) : g_steal_pointer (&own);

      for (guint i = 0; self->search_words[i] != NULL; i++)
        if (!measures_text_has_word_prefix (text, self->search_words[i]))
          return FALSE;
    }

  return TRUE;
}

/**
 * measures_query_set_library:
 * @library: (nullable): the stars, collections and notes the query
 *   reads
 *
 * The marks that the starred and collection criteria and the search of
 * notes look at. The query does not follow its changes: whoever changes
 * the library evaluates the query again (as #MeasuresSession does).
 */
void
measures_query_set_library (MeasuresQuery   *self,
                            MeasuresLibrary *library)
{
  g_return_if_fail (MEASURES_IS_QUERY (self));
  g_return_if_fail (library == NULL || MEASURES_IS_LIBRARY (library));

  if (g_set_object (&self->library, library))
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * measures_query_get_library:
 *
 * Returns: (transfer none) (nullable): the library the query reads
 */
MeasuresLibrary *
measures_query_get_library (MeasuresQuery *self)
{
  g_return_val_if_fail (MEASURES_IS_QUERY (self), NULL);

  return self->library;
}

/**
 * measures_query_set_starred:
 * @starred: whether only starred measures match
 */
void
measures_query_set_starred (MeasuresQuery *self,
                            gboolean       starred)
{
  g_return_if_fail (MEASURES_IS_QUERY (self));

  if (set_marks (self, starred, (const char * const *) self->collections, self->notes_only))
    g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
measures_query_get_starred (MeasuresQuery *self)
{
  g_return_val_if_fail (MEASURES_IS_QUERY (self), FALSE);

  return self->starred;
}

/**
 * measures_query_set_collections:
 * @collections: (nullable) (array zero-terminated=1): ids of collections
 *
 * A measure matches when it is in any of @collections; with none, in a
 * collection or not. Ids are kept as they are given, so that a saved
 * search keeps a collection that was renamed.
 */
void
measures_query_set_collections (MeasuresQuery      *self,
                                const char * const *collections)
{
  g_return_if_fail (MEASURES_IS_QUERY (self));

  if (set_marks (self, self->starred, collections, self->notes_only))
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * measures_query_get_collections:
 *
 * Returns: (transfer none): the ids of the collections chosen
 */
const char * const *
measures_query_get_collections (MeasuresQuery *self)
{
  g_return_val_if_fail (MEASURES_IS_QUERY (self), NULL);

  return (const char * const *) self->collections;
}

/**
 * measures_query_set_notes_only:
 * @notes_only: whether the search looks in notes alone
 *
 * By default each search word may be in a measure's own text or in its
 * note; with @notes_only, only in its note.
 */
void
measures_query_set_notes_only (MeasuresQuery *self,
                               gboolean       notes_only)
{
  g_return_if_fail (MEASURES_IS_QUERY (self));

  if (set_marks (self, self->starred, (const char * const *) self->collections, notes_only))
    g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
measures_query_get_notes_only (MeasuresQuery *self)
{
  g_return_val_if_fail (MEASURES_IS_QUERY (self), FALSE);

  return self->notes_only;
}

static void
add_strings (JsonBuilder        *builder,
             const char         *name,
             const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static const struct {
  const char *name;
  MeasuresFacet facet;
} json_facets[] = {
  { "countries", MEASURES_FACET_COUNTRY },
  { "regions", MEASURES_FACET_REGION },
  { "types", MEASURES_FACET_TYPE },
  { "forms", MEASURES_FACET_FORM },
};

/**
 * measures_query_to_json:
 *
 * The criteria as a JSON object, for a saved search: "countries",
 * "regions", "types", "forms" and "collections" (lists of texts),
 * "from" and "to" (years), "search" (text), "starred" and "notes-only"
 * (booleans); what is not chosen is left out.
 *
 * Returns: (transfer full): the object
 */
JsonObject *
measures_query_to_json (MeasuresQuery *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (MEASURES_IS_QUERY (self), NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (json_facets); i++)
    add_strings (builder, json_facets[i].name, (const char * const *) self->chosen[json_facets[i].facet]);
  if (self->year_from != MEASURES_YEAR_NONE)
    {
      json_builder_set_member_name (builder, "from");
      json_builder_add_int_value (builder, self->year_from);
    }
  if (self->year_to != MEASURES_YEAR_NONE)
    {
      json_builder_set_member_name (builder, "to");
      json_builder_add_int_value (builder, self->year_to);
    }
  if (*self->search != '\0')
    {
      json_builder_set_member_name (builder, "search");
      json_builder_add_string_value (builder, self->search);
    }
  if (self->starred)
    {
      json_builder_set_member_name (builder, "starred");
      json_builder_add_boolean_value (builder, TRUE);
    }
  add_strings (builder, "collections", (const char * const *) self->collections);
  if (self->notes_only)
    {
      json_builder_set_member_name (builder, "notes-only");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return json_object_ref (json_node_get_object (root));
}

/* The texts of the list @name of @object; NULL when it is not a list of
 * texts. */
static GStrv
get_strings (JsonObject *object,
             const char *name,
             gboolean   *ok)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL)
    return g_strv_builder_end (builder);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      *ok = FALSE;
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          *ok = FALSE;
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

static gboolean
get_typed (JsonObject *object,
           const char *name,
           GType       type,
           JsonNode  **value,
           gboolean   *ok)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    {
      *ok = FALSE;
      return FALSE;
    }
  *value = node;

  return TRUE;
}

/**
 * measures_query_assign_json:
 * @object: criteria, as measures_query_to_json() writes them
 * @error: return location for an error
 *
 * Makes @self ask for what @object describes, with one ::changed; a
 * member of the wrong kind leaves @self as it was.
 *
 * Returns: whether @object describes criteria
 */
gboolean
measures_query_assign_json (MeasuresQuery  *self,
                            JsonObject     *object,
                            GError        **error)
{
  g_autoptr(MeasuresQuery) other = measures_query_new ();
  gboolean ok = TRUE;
  JsonNode *value;

  g_return_val_if_fail (MEASURES_IS_QUERY (self), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (json_facets) && ok; i++)
    {
      g_auto(GStrv) values = get_strings (object, json_facets[i].name, &ok);

      if (ok)
        replace_values (other, json_facets[i].facet, (const char * const *) values);
    }
  if (get_typed (object, "from", G_TYPE_INT64, &value, &ok))
    other->year_from = (int) CLAMP (json_node_get_int (value), -100000, 100000);
  if (get_typed (object, "to", G_TYPE_INT64, &value, &ok))
    other->year_to = (int) CLAMP (json_node_get_int (value), -100000, 100000);
  if (get_typed (object, "search", G_TYPE_STRING, &value, &ok))
    measures_query_set_search (other, json_node_get_string (value));
  if (get_typed (object, "starred", G_TYPE_BOOLEAN, &value, &ok))
    other->starred = json_node_get_boolean (value);
  if (get_typed (object, "notes-only", G_TYPE_BOOLEAN, &value, &ok))
    other->notes_only = json_node_get_boolean (value);
  if (ok)
    {
      g_auto(GStrv) collections = get_strings (object, "collections", &ok);

      if (ok)
        set_marks (other, other->starred, (const char * const *) collections, other->notes_only);
    }

  if (!ok)
    {
      g_set_error_literal (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_DAMAGED,
                           _("The saved search is damaged"));
      return FALSE;
    }

  measures_query_assign (self, other);

  return TRUE;
}
