/* measures-localized.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-localized"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-error.h"
#include "measures-localized.h"
#include "measures-store.h"

/* A text in one or more languages. Entries keep the order they were
 * given in, so that a record written back out looks like the one read.
 */
typedef struct
{
  const char *lang;
  const char *text;
} Entry;

/* Entries are kept at their exact number: most texts have one or two
 * languages, and a dataset has hundreds of thousands of texts. Their
 * strings live in @strings when it is set, else each is its own copy. */
struct _MeasuresLocalized
{
  gatomicrefcount ref_count;
  guint n_entries;
  guint room;                   /* for entries, at @entries */
  gboolean entries_inline;      /* @entries follow the struct, in its block */
  Entry *entries;
  MeasuresStrings *strings;
};

/* Written out rather than with G_DEFINE_BOXED_TYPE, whose GCC variant
 * converts its arguments to a union, which ISO C does not allow. */
GType
measures_localized_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      GType registered = g_boxed_type_register_static (g_intern_static_string ("MeasuresLocalized"),
                                                       (GBoxedCopyFunc) measures_localized_ref,
                                                       (GBoxedFreeFunc) measures_localized_unref);

      g_once_init_leave (&type, registered);
    }

  return type;
}

MeasuresLocalized *
measures_localized_new (void)
{
  return measures_localized_new_in (NULL);
}

/**
 * measures_localized_new_in:
 * @strings: (nullable): where to keep the texts
 *
 * Returns: (transfer full): an empty localized string whose texts are
 *   copied into @strings, or each on its own when it is %NULL
 */
MeasuresLocalized *
measures_localized_new_in (MeasuresStrings *strings)
{
  MeasuresLocalized *self = g_new0 (MeasuresLocalized, 1);

  g_atomic_ref_count_init (&self->ref_count);
  if (strings != NULL)
    self->strings = measures_strings_ref (strings);

  return self;
}

/**
 * measures_localized_new_sized:
 * @strings: where the texts live
 * @n: how many languages it will have
 *
 * As measures_localized_new_in(), with room for @n languages set with
 * measures_localized_set_borrowed(), in one block.
 *
 * Returns: (transfer full): an empty localized string
 */
MeasuresLocalized *
measures_localized_new_sized (MeasuresStrings *strings,
                              guint            n)
{
  MeasuresLocalized *self;
  gsize size;

  g_return_val_if_fail (strings != NULL, NULL);

  if (!g_size_checked_mul (&size, n, sizeof (Entry)) ||
      !g_size_checked_add (&size, size, sizeof (MeasuresLocalized)))
    g_error ("%s: overflow allocating %u entries", G_STRLOC, n);
  self = g_malloc (size);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_entries = 0;
  self->room = n;
  self->entries_inline = TRUE;
  self->entries = (Entry *) (void *) (self + 1);
  self->strings = measures_strings_ref (strings);

  return self;
}

/* The next entry, with room made for it. */
static Entry *
add_entry (MeasuresLocalized *self)
{
  if (self->n_entries == self->room)
    {
      self->room = self->n_entries + 1;
      if (self->entries_inline)
        {
          Entry *entries = g_new (Entry, self->room);

          memcpy (entries, self->entries, (gsize) self->n_entries * sizeof (Entry));
          self->entries = entries;
          self->entries_inline = FALSE;
        }
      else
        self->entries = g_renew (Entry, self->entries, self->room);
    }

  return &self->entries[self->n_entries++];
}

MeasuresLocalized *
measures_localized_ref (MeasuresLocalized *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
measures_localized_unref (MeasuresLocalized *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      if (self->strings != NULL)
        measures_strings_unref (self->strings);
      else
        for (guint i = 0; i < self->n_entries; i++)
          {
            g_free ((char *) self->entries[i].lang);
            g_free ((char *) self->entries[i].text);
          }
      if (!self->entries_inline)
        g_free (self->entries);
      g_free (self);
    }
}

static Entry *
find_entry (const MeasuresLocalized *self,
            const char              *lang)
{
  for (guint i = 0; i < self->n_entries; i++)
    if (g_str_equal (self->entries[i].lang, lang))
      return &self->entries[i];

  return NULL;
}

/**
 * measures_localized_set:
 * @self: a localized string
 * @lang: a language code such as "en" or "ro", or %MEASURES_LANG_NEUTRAL
 * @text: the text in that language
 *
 * Sets the text for @lang, replacing any text it had.
 */
void
measures_localized_set (MeasuresLocalized *self,
                        const char        *lang,
                        const char        *text)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (lang != NULL);
  g_return_if_fail (text != NULL);

  if ((entry = find_entry (self, lang)) == NULL)
    {
      entry = add_entry (self);
      entry->lang = self->strings != NULL ? measures_strings_intern (self->strings, lang) : g_strdup (lang);
    }
  else if (self->strings == NULL)
    g_free ((char *) entry->text);

  entry->text = self->strings != NULL ? measures_strings_add (self->strings, text) : g_strdup (text);
}

/**
 * measures_localized_set_borrowed:
 * @self: a localized string made with a store
 *
 * Sets the text for a language not yet set, keeping @lang and @text as
 * they are: they must live as long as the store of @self, as the strings
 * of a cache do.
 */
void
measures_localized_set_borrowed (MeasuresLocalized *self,
                                 const char        *lang,
                                 const char        *text)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->strings != NULL);
  g_return_if_fail (find_entry (self, lang) == NULL);

  entry = add_entry (self);
  entry->lang = lang;
  entry->text = text;
}

const char *
measures_localized_get_exact (const MeasuresLocalized *self,
                              const char              *lang)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  entry = find_entry (self, lang);

  return entry != NULL ? entry->text : NULL;
}

/* "ro_RO.UTF-8@euro" and "ro-RO" both name the language "ro". */
static gboolean
lang_matches_base (const char *entry_lang,
                   const char *wanted)
{
  gsize len = strcspn (wanted, "_-.@");

  if (len == 0)
    return FALSE;

  return strncmp (entry_lang, wanted, len) == 0 &&
         (entry_lang[len] == '\0' || strchr ("_-.@", entry_lang[len]) != NULL);
}

/**
 * measures_localized_resolve:
 * @self: a localized string
 * @langs: (nullable): the wanted languages, best first, as from
 *   g_get_language_names(); %NULL for English
 * @out_lang: (out) (optional): the language of the returned text
 *
 * Picks the text to show. Each wanted language is tried in turn, first
 * exactly, then by its base language ("ro" for "ro_RO.UTF-8"); then the
 * neutral text, then English, then whatever language comes first.
 *
 * Returns: (nullable): the text, or %NULL if @self holds none
 */
const char *
measures_localized_resolve (const MeasuresLocalized  *self,
                            const char * const       *langs,
                            const char              **out_lang)
{
  static const char * const fallback[] = { MEASURES_LANG_NEUTRAL, "en", NULL };
  const Entry *found = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; langs != NULL && langs[i] != NULL && found == NULL; i++)
    {
      if (g_str_equal (langs[i], "C") || g_str_equal (langs[i], "POSIX"))
        continue;

      found = find_entry (self, langs[i]);

      for (guint j = 0; found == NULL && j < self->n_entries; j++)
        {
          const Entry *entry = &self->entries[j];

          if (*entry->lang != '\0' && lang_matches_base (entry->lang, langs[i]))
            found = entry;
        }
    }

  for (guint i = 0; found == NULL && fallback[i] != NULL; i++)
    found = find_entry (self, fallback[i]);

  if (found == NULL && self->n_entries > 0)
    found = &self->entries[0];

  if (out_lang != NULL)
    *out_lang = found != NULL ? found->lang : NULL;

  return found != NULL ? found->text : NULL;
}

guint
measures_localized_get_n_langs (const MeasuresLocalized *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_entries;
}

const char *
measures_localized_get_lang (const MeasuresLocalized *self,
                             guint                    index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_entries, NULL);

  return self->entries[index].lang;
}

const char *
measures_localized_get_text (const MeasuresLocalized *self,
                             guint                    index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_entries, NULL);

  return self->entries[index].text;
}

gboolean
measures_localized_is_empty (const MeasuresLocalized *self)
{
  return self == NULL || self->n_entries == 0;
}

gboolean
measures_localized_equal (const MeasuresLocalized *a,
                          const MeasuresLocalized *b)
{
  if (measures_localized_is_empty (a) || measures_localized_is_empty (b))
    return measures_localized_is_empty (a) && measures_localized_is_empty (b);

  if (a->n_entries != b->n_entries)
    return FALSE;

  for (guint i = 0; i < a->n_entries; i++)
    {
      const Entry *entry = &a->entries[i];
      const char *other = measures_localized_get_exact (b, entry->lang);

      if (other == NULL || !g_str_equal (entry->text, other))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                           _("the text is not valid UTF-8"));
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_localized_from_json:
 * @node: a JSON string, or an object of strings keyed by language code
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the localized string, or %NULL
 *   with @error set when @node has the wrong shape
 */
MeasuresLocalized *
measures_localized_from_json (JsonNode  *node,
                              GError   **error)
{
  return measures_localized_from_json_in (node, NULL, error);
}

/**
 * measures_localized_from_json_in:
 * @strings: (nullable): where to keep the texts
 *
 * As measures_localized_from_json(), keeping the texts in @strings.
 */
MeasuresLocalized *
measures_localized_from_json_in (JsonNode         *node,
                                 MeasuresStrings  *strings,
                                 GError          **error)
{
  g_autoptr(MeasuresLocalized) self = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  if (JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (!check_text (text, error))
        return NULL;

      self = measures_localized_new_in (strings);
      measures_localized_set (self, MEASURES_LANG_NEUTRAL, text);

      return g_steal_pointer (&self);
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                           _("expected a text or an object of texts by language"));
      return NULL;
    }

  self = measures_localized_new_in (strings);

  {
    JsonObject *object = json_node_get_object (node);
    g_autoptr(GList) members = json_object_get_members (object);

    for (const GList *l = members; l != NULL; l = l->next)
      {
        const char *lang = l->data;
        JsonNode *value = json_object_get_member (object, lang);

        if (!JSON_NODE_HOLDS_VALUE (value) ||
            json_node_get_value_type (value) != G_TYPE_STRING)
          {
            g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                         _("the text for language “%s” is not a string"), lang);
            return NULL;
          }

        if (!check_text (lang, error) ||
            !check_text (json_node_get_string (value), error))
          return NULL;

        measures_localized_set (self, lang, json_node_get_string (value));
      }
  }

  return g_steal_pointer (&self);
}

/**
 * measures_localized_to_json:
 * @self: a localized string
 *
 * Returns: (transfer full): a JSON string when @self holds only a
 *   neutral text, otherwise an object keyed by language code
 */
JsonNode *
measures_localized_to_json (const MeasuresLocalized *self)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_entries == 1 && *self->entries[0].lang == '\0')
    return json_node_init_string (json_node_alloc (),
                                  self->entries[0].text);

  object = json_object_new ();

  for (guint i = 0; i < self->n_entries; i++)
    {
      const Entry *entry = &self->entries[i];

      json_object_set_string_member (object, entry->lang, entry->text);
    }

  return json_node_init_object (json_node_alloc (), object);
}

static GMutex content_languages_lock;
static GStrv content_languages;

/**
 * measures_set_content_languages:
 * @langs: (nullable): the languages to read records in, best first;
 *   %NULL to follow the user interface
 *
 * Sets the languages in which records are shown (a user's choice in
 * Preferences), for every record of the process.
 */
void
measures_set_content_languages (const char * const *langs)
{
  g_mutex_lock (&content_languages_lock);
  g_clear_pointer (&content_languages, g_strfreev);
  content_languages = langs != NULL ? g_strdupv ((char **) langs) : NULL;
  g_mutex_unlock (&content_languages_lock);
}

/**
 * measures_get_content_languages:
 *
 * Returns: (transfer full): the languages records are shown in, best
 *   first: the user's choice, or else those of the user interface
 */
GStrv
measures_get_content_languages (void)
{
  GStrv langs;

  g_mutex_lock (&content_languages_lock);
  langs = g_strdupv (content_languages != NULL ? content_languages
                                               : (GStrv) g_get_language_names ());
  g_mutex_unlock (&content_languages_lock);

  return langs;
}

/**
 * measures_language_is:
 * @lang: a language code such as "ro_RO.UTF-8"
 * @base: a base language such as "ro"
 *
 * Returns: whether @lang is @base or one of its variants
 */
gboolean
measures_language_is (const char *lang,
                      const char *base)
{
  gsize len;

  if (lang == NULL || base == NULL)
    return FALSE;

  len = strcspn (lang, "_-.@");

  return len == strlen (base) && g_ascii_strncasecmp (lang, base, len) == 0;
}

/**
 * measures_get_preferred_language:
 *
 * Returns: (transfer full): the base language records are read in: the
 *   first content language that is not the C locale, or "en"
 */
char *
measures_get_preferred_language (void)
{
  g_auto(GStrv) langs = measures_get_content_languages ();

  for (guint i = 0; langs[i] != NULL; i++)
    if (!g_str_equal (langs[i], "C") && !g_str_equal (langs[i], "POSIX") &&
        !g_str_has_prefix (langs[i], "C."))
      return g_strndup (langs[i], strcspn (langs[i], "_-.@"));

  return g_strdup ("en");
}
