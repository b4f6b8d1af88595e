/* measures-resolver.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-resolver"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-countries.h"
#include "measures-error.h"
#include "measures-resolver.h"
#include "measures-text.h"
#include "measures-translations.h"

/* What a value a user types stands for. The stored value ("Trafficking",
 * "Romania"), its English label and its label in every language of ours
 * ("Trafic de persoane", "România") all name it, compared without case,
 * diacritics or punctuation, as are any names of a country Measures
 * knows ("turkiye" for Türkiye). The values of the loaded records are
 * tried first, then those Measures knows; then the one value whose name
 * or label starts with the words typed ("trafic"). A value that names
 * nothing is an error naming the closest known values.
 */

#define N_CLOSEST 3

typedef struct
{
  MeasuresIndex *index;         /* nullable */
  GPtrArray *languages;         /* MeasuresTranslations: English, then ours */
} Resolver;

static void
resolver_init (Resolver      *self,
               MeasuresIndex *index)
{
  g_auto(GStrv) linguas = g_strsplit (LINGUAS, " ", -1);

  self->index = index;
  self->languages = g_ptr_array_new_with_free_func ((GDestroyNotify) measures_translations_free);
  g_ptr_array_add (self->languages, measures_translations_new ("en"));
  for (guint i = 0; linguas[i] != NULL; i++)
    if (*linguas[i] != '\0')
      g_ptr_array_add (self->languages, measures_translations_new (linguas[i]));
}

static void
resolver_clear (Resolver *self)
{
  g_clear_pointer (&self->languages, g_ptr_array_unref);
}

/* Names compare as countries' names do: without case, diacritics,
 * punctuation (a type's ">" or "›" included) or a leading "the". */
static char *
key_of (const char *text)
{
  return measures_countries_key (text);
}

static gboolean
names (const char *key,
       const char *text)
{
  g_autofree char *other = key_of (text);

  return g_str_equal (key, other);
}

/* Whether @value, or its label in a language of ours, is @key. */
static gboolean
value_is (Resolver      *self,
          MeasuresFacet  facet,
          const char    *value,
          const char    *key)
{
  if (names (key, value))
    return TRUE;

  for (guint i = 0; i < self->languages->len; i++)
    {
      g_autofree char *label = measures_vocabulary_label_in (g_ptr_array_index (self->languages, i),
                                                             facet, value);

      if (names (key, label))
        return TRUE;
    }

  return FALSE;
}

/* The values @text might stand for: those of the loaded records, then
 * those Measures knows (for types, categories and subcategories apart). */
static GPtrArray *
candidates (Resolver      *self,
            MeasuresFacet  facet)
{
  GPtrArray *values = g_ptr_array_new ();
  const char * const *known = measures_vocabulary_get_known (facet);

  if (self->index != NULL)
    for (guint v = 0; v < measures_index_get_n_values (self->index, facet); v++)
      g_ptr_array_add (values, (gpointer) measures_index_get_value (self->index, facet, v));

  for (guint i = 0; known[i] != NULL; i++)
    g_ptr_array_add (values, (gpointer) known[i]);

  return values;
}

static const char *
find (Resolver      *self,
      MeasuresFacet  facet,
      const char    *text)
{
  g_autoptr(GPtrArray) values = candidates (self, facet);
  g_autofree char *key = key_of (text);

  if (*key == '\0')
    return NULL;

  for (guint i = 0; i < values->len; i++)
    if (value_is (self, facet, g_ptr_array_index (values, i), key))
      return g_ptr_array_index (values, i);

  return NULL;
}

/* Whether @text, as a key, starts with the words of @key. */
static gboolean
starts_with_words (const char *key,
                   const char *text)
{
  g_autofree char *other = key_of (text);
  gsize length = strlen (key);

  return strncmp (other, key, length) == 0 && (other[length] == '\0' || other[length] == ' ');
}

/* The one value whose name, or label in a language of ours, starts with
 * the words of @text ("trafic" for "Trafic de persoane", Trafficking in
 * Romanian); none when no value or several do. */
static const char *
find_by_first_words (Resolver      *self,
                     MeasuresFacet  facet,
                     const char    *text)
{
  g_autoptr(GPtrArray) values = candidates (self, facet);
  g_autofree char *key = key_of (text);
  g_autofree char *found_key = NULL;
  const char *found = NULL;

  if (*key == '\0')
    return NULL;

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      gboolean starts = starts_with_words (key, value);
      g_autofree char *value_key = NULL;

      for (guint l = 0; !starts && l < self->languages->len; l++)
        {
          g_autofree char *label = measures_vocabulary_label_in (g_ptr_array_index (self->languages, l),
                                                                 facet, value);

          starts = starts_with_words (key, label);
        }
      if (!starts)
        continue;

      /* A value of the records and a known one may be the same. */
      value_key = measures_facet_key (facet, value);
      if (found_key != NULL && !g_str_equal (found_key, value_key))
        return NULL;
      if (found_key == NULL)
        {
          found = value;
          found_key = g_steal_pointer (&value_key);
        }
    }

  return found;
}

/* "Politici › Strategie națională …": its category and subcategory
 * found apart, when the records have no such type. */
static char *
find_type (Resolver   *self,
           const char *text)
{
  const char *separator = NULL;
  gsize separator_len = 0;
  g_autofree char *category = NULL;
  g_autofree char *subcategory = NULL;
  const char *found_category, *found_subcategory;

  if ((separator = strstr (text, MEASURES_TYPE_SEPARATOR)) != NULL)
    separator_len = strlen (MEASURES_TYPE_SEPARATOR);
  else if ((separator = strstr (text, "›")) != NULL)
    separator_len = strlen ("›");
  else
    return NULL;

  category = g_strndup (text, separator - text);
  subcategory = g_strdup (separator + separator_len);

  if ((found_category = find (self, MEASURES_FACET_TYPE, category)) == NULL ||
      (found_subcategory = find (self, MEASURES_FACET_TYPE, subcategory)) == NULL)
    return NULL;

  return g_strdup_printf ("%s %s %s", found_category, MEASURES_TYPE_SEPARATOR, found_subcategory);
}

/* Edit distance of two keys, each cut to 64 bytes: enough to tell what
 * someone meant. */
static guint
distance (const char *a,
          const char *b)
{
  gsize n = MIN (strlen (a), 64), m = MIN (strlen (b), 64);
  guint row[65];

  for (gsize j = 0; j <= m; j++)
    row[j] = j;

  for (gsize i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= m; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }

  return row[m];
}

/* How far @key is from a text: a text that holds it comes first. */
static guint
score (const char *key,
       const char *text)
{
  g_autofree char *other = key_of (text);
  guint length_gap = (guint) ABS ((gssize) strlen (other) - (gssize) strlen (key));

  if (strstr (other, key) != NULL)
    return MIN (length_gap, 999);

  return 1000 * distance (key, other) + MIN (length_gap, 999);
}

typedef struct
{
  char *label;
  guint score;
} Near;

static int
compare_near (gconstpointer a,
              gconstpointer b)
{
  const Near *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;

  return g_utf8_collate (x->label, y->label);
}

static void
clear_near (gpointer data)
{
  g_free (((Near *) data)->label);
}

/* The known values nearest to @text, in the language of the interface,
 * separated by commas. */
static char *
closest (Resolver      *self,
         MeasuresFacet  facet,
         const char    *text)
{
  g_autoptr(GPtrArray) values = candidates (self, facet);
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (Near));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *key = key_of (text);

  g_array_set_clear_func (near, clear_near);

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autofree char *value_key = measures_facet_key (facet, value);
      Near entry = { measures_vocabulary_label (facet, value), score (key, value) };

      /* A value of the records and a known one may be the same. */
      if (!g_hash_table_add (seen, g_steal_pointer (&value_key)))
        {
          g_free (entry.label);
          continue;
        }
      for (guint l = 0; l < self->languages->len; l++)
        {
          g_autofree char *label = measures_vocabulary_label_in (g_ptr_array_index (self->languages, l),
                                                                 facet, value);

          entry.score = MIN (entry.score, score (key, label));
        }
      g_array_append_val (near, entry);
    }

  g_array_sort (near, compare_near);
  for (guint i = 0; i < MIN (near->len, N_CLOSEST); i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", g_array_index (near, Near, i).label);

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* A subcategory alone ("Legislation") stands for the types of the
 * records that have it ("Violence against women > Legislation"), when it
 * is not a value of the records itself. */
static void
add_types_of_subcategory (Resolver   *self,
                          const char *subcategory,
                          GPtrArray  *values)
{
  g_autofree char *key = NULL;

  if (self->index == NULL || measures_index_find_value (self->index, MEASURES_FACET_TYPE, subcategory) >= 0)
    return;

  key = key_of (subcategory);
  for (guint v = 0; v < measures_index_get_n_values (self->index, MEASURES_FACET_TYPE); v++)
    {
      const char *type = measures_index_get_value (self->index, MEASURES_FACET_TYPE, v);
      g_autofree char *part = measures_type_get_subcategory (type);

      if (part != NULL && names (key, part))
        g_ptr_array_add (values, g_strdup (type));
    }
}

/* The values @text stands for: one, or for a subcategory alone, every
 * type of the records with it. */
static GPtrArray *
resolve (Resolver       *self,
         MeasuresFacet   facet,
         const char     *text,
         GError        **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  const MeasuresCountry *country;
  const char *found;
  char *type;
  g_autofree char *near = NULL;

  if ((found = find (self, facet, text)) != NULL)
    {
      if (facet == MEASURES_FACET_TYPE)
        add_types_of_subcategory (self, found, values);
      if (values->len == 0)
        g_ptr_array_add (values, g_strdup (found));
      return g_steal_pointer (&values);
    }

  if (facet == MEASURES_FACET_COUNTRY && (country = measures_countries_find (text)) != NULL)
    {
      g_ptr_array_add (values, g_strdup (country->name));
      return g_steal_pointer (&values);
    }

  if (facet == MEASURES_FACET_TYPE && (type = find_type (self, text)) != NULL)
    {
      g_ptr_array_add (values, type);
      return g_steal_pointer (&values);
    }

  if ((found = find_by_first_words (self, facet, text)) != NULL)
    {
      if (facet == MEASURES_FACET_TYPE)
        add_types_of_subcategory (self, found, values);
      if (values->len == 0)
        g_ptr_array_add (values, g_strdup (found));
      return g_steal_pointer (&values);
    }

  near = closest (self, facet, text);
  switch (facet)
    {
    case MEASURES_FACET_COUNTRY:
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_UNKNOWN_VALUE,
                   /* Translators: the first %s is what the user typed, the
                    * second a list of countries */
                   _("no known country is called “%s”; the closest are: %s"), text, near);
      break;
    case MEASURES_FACET_REGION:
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_UNKNOWN_VALUE,
                   _("no known region is called “%s”; the closest are: %s"), text, near);
      break;
    case MEASURES_FACET_TYPE:
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_UNKNOWN_VALUE,
                   _("no known type of measure is called “%s”; the closest are: %s"), text, near);
      break;
    case MEASURES_FACET_FORM:
    case MEASURES_N_FACETS:
    default:
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_UNKNOWN_VALUE,
                   _("no known form of violence is called “%s”; the closest are: %s"), text, near);
      break;
    }

  return NULL;
}

/**
 * measures_resolve_value:
 * @facet: which list @text belongs to
 * @text: a value as a user types it, in any language of Measures
 * @index: (nullable): the loaded records, whose values are known too
 * @error: return location for a %MEASURES_ERROR_UNKNOWN_VALUE error,
 *   whose message names the closest known values
 *
 * Returns: (transfer full) (nullable): the value @text stands for: a
 *   value of the records when one is named so, otherwise a value
 *   Measures knows; for a subcategory alone, the first type of the
 *   records that has it (measures_resolve_query() takes them all)
 */
char *
measures_resolve_value (MeasuresFacet   facet,
                        const char     *text,
                        MeasuresIndex  *index,
                        GError        **error)
{
  Resolver self;
  g_autoptr(GPtrArray) values = NULL;

  g_return_val_if_fail (facet < MEASURES_N_FACETS, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (index == NULL || MEASURES_IS_INDEX (index), NULL);

  resolver_init (&self, index);
  values = resolve (&self, facet, text, error);
  resolver_clear (&self);

  return values != NULL ? g_steal_pointer (&g_ptr_array_index (values, 0)) : NULL;
}

/**
 * measures_resolve_query:
 * @query: a query whose values were typed by a user
 * @index: (nullable): the loaded records
 * @error: return location for an error
 *
 * Replaces every chosen country, region, type and form of @query with
 * the value it stands for (see measures_resolve_value()); a subcategory
 * alone with every type of the records that has it.
 *
 * Returns: %FALSE, leaving @query as it was, when a value stands for
 *   nothing known
 */
gboolean
measures_resolve_query (MeasuresQuery  *query,
                        MeasuresIndex  *index,
                        GError        **error)
{
  Resolver self;
  GStrv resolved[MEASURES_N_FACETS] = { NULL, };
  gboolean ok = TRUE;

  g_return_val_if_fail (MEASURES_IS_QUERY (query), FALSE);
  g_return_val_if_fail (index == NULL || MEASURES_IS_INDEX (index), FALSE);

  resolver_init (&self, index);
  for (guint facet = 0; facet < MEASURES_N_FACETS && ok; facet++)
    {
      const char * const *chosen = measures_query_get_chosen (query, facet);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; chosen[i] != NULL && ok; i++)
        {
          g_autoptr(GPtrArray) values = resolve (&self, facet, chosen[i], error);

          if (values == NULL)
            ok = FALSE;
          for (guint k = 0; values != NULL && k < values->len; k++)
            g_strv_builder_add (builder, g_ptr_array_index (values, k));
        }
      resolved[facet] = g_strv_builder_end (builder);
    }
  resolver_clear (&self);

  for (guint facet = 0; facet < MEASURES_N_FACETS; facet++)
    {
      if (ok && resolved[facet] != NULL && resolved[facet][0] != NULL)
        measures_query_set_values (query, facet, (const char * const *) resolved[facet]);
      g_strfreev (resolved[facet]);
    }

  return ok;
}

/**
 * measures_resolve_closest:
 * @text: what a user typed
 * @names: (array length=n_names): the names there are
 * @n_names: how many
 * @max: at most how many to give
 *
 * The names nearest to @text, compared as values are (without case,
 * diacritics or punctuation), for an error that says what was meant; a
 * name that holds @text comes first. Names too far from it to be what was
 * meant are left out.
 *
 * Returns: (transfer full): the closest names, separated by commas;
 *   empty when none is close
 */
char *
measures_resolve_closest (const char         *text,
                          const char * const *names,
                          guint               n_names,
                          guint               max)
{
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (Near));
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *key = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  key = key_of (text);
  g_array_set_clear_func (near, clear_near);
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *other = key_of (names[i]);
      g_autofree char *start = g_strndup (other, strlen (key));
      guint edits = MIN (distance (key, other), distance (key, start));
      Near entry = { NULL, score (key, names[i]) };

      /* What was meant is a name that holds the text, or one a few edits
       * from it, or from its start ("Reprot" for "Report 2027"). */
      if (strstr (other, key) == NULL && strstr (key, other) == NULL &&
          edits > MAX (2, strlen (key) / 3))
        continue;
      entry.label = g_strdup (names[i]);
      entry.score = MIN (entry.score, 1000 * edits);
      g_array_append_val (near, entry);
    }

  g_array_sort (near, compare_near);
  for (guint i = 0; i < MIN (near->len, max); i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", g_array_index (near, Near, i).label);

  return g_string_free (g_steal_pointer (&list), FALSE);
}
