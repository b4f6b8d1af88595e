/* measures-translations.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-translations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-localized.h"
#include "measures-translations.h"

/* The messages of one language, whatever language the interface speaks:
 * a summary can be exported in Romanian from an English desktop. gettext
 * has one language per process, so this reads the app's own compiled
 * catalogue (the .mo file gettext would use) into a table. English, the
 * language of the sources, needs no catalogue. Safe to use from any
 * thread once made.
 */
struct _MeasuresTranslations
{
  char *lang;
  GMappedFile *file;
  GHashTable *messages;   /* msgid (with "context\004") → msgstr, both in the file */

  /* The names of countries, from iso-codes' catalogue of that language. */
  GMappedFile *countries_file;
  GHashTable *countries;
};

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 value;

  memcpy (&value, data + offset, 4);

  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Reads a GNU .mo file into @messages; anything malformed leaves the
 * table empty, so that messages come out in English rather than wrong. */
static void
load_catalogue (GMappedFile **file,
                GHashTable   *messages,
                const char   *path)
{
  const guint8 *data;
  gsize size;
  guint32 magic, n, originals, translations;
  gboolean swap;

  *file = g_mapped_file_new (path, FALSE, NULL);
  if (*file == NULL)
    return;

  data = (const guint8 *) g_mapped_file_get_contents (*file);
  size = g_mapped_file_get_length (*file);
  if (size < 28)
    return;

  memcpy (&magic, data, 4);
  if (magic == 0x950412de)
    swap = FALSE;
  else if (magic == 0xde120495)
    swap = TRUE;
  else
    return;

  n = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  translations = read_u32 (data, 16, swap);

  if ((guint64) originals + (guint64) n * 8 > size || (guint64) translations + (guint64) n * 8 > size)
    return;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_len = read_u32 (data, originals + i * 8, swap);
      guint32 id_offset = read_u32 (data, originals + i * 8 + 4, swap);
      guint32 str_len = read_u32 (data, translations + i * 8, swap);
      guint32 str_offset = read_u32 (data, translations + i * 8 + 4, swap);

      if ((guint64) id_offset + id_len >= size || (guint64) str_offset + str_len >= size ||
          data[id_offset + id_len] != '\0' || data[str_offset + str_len] != '\0')
        continue;

      /* The header has an empty msgid. */
      if (id_len == 0)
        continue;

      g_hash_table_insert (messages, (gpointer) (data + id_offset), (gpointer) (data + str_offset));
    }
}

/**
 * measures_translations_new:
 * @lang: a language code such as "ro" or "en"
 *
 * Returns: (transfer full): the messages of Measures in @lang; when no
 *   catalogue exists for it, every message comes out as written (English)
 */
MeasuresTranslations *
measures_translations_new (const char *lang)
{
  MeasuresTranslations *self = g_new0 (MeasuresTranslations, 1);
  const char *dir;

  g_return_val_if_fail (lang != NULL, NULL);

  self->lang = g_strndup (lang, strcspn (lang, "_-.@"));
  self->messages = g_hash_table_new (g_str_hash, g_str_equal);
  self->countries = g_hash_table_new (g_str_hash, g_str_equal);

  if (measures_language_is (self->lang, "en"))
    return self;

  /* Where the program bound its catalogues, installed or in the build tree. */
  dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, self->lang, "LC_MESSAGES",
                                                GETTEXT_PACKAGE ".mo", NULL);

      load_catalogue (&self->file, self->messages, path);
    }

  /* The names of countries, where iso-codes installed them. */
  {
    g_autofree char *path = g_build_filename (ISO_CODES_LOCALEDIR, self->lang, "LC_MESSAGES",
                                              ISO_3166_DOMAIN ".mo", NULL);

    load_catalogue (&self->countries_file, self->countries, path);
  }

  return self;
}

void
measures_translations_free (MeasuresTranslations *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->file, g_mapped_file_unref);
  g_clear_pointer (&self->countries, g_hash_table_unref);
  g_clear_pointer (&self->countries_file, g_mapped_file_unref);
  g_free (self->lang);
  g_free (self);
}

const char *
measures_translations_get_lang (MeasuresTranslations *self)
{
  return self->lang;
}

/**
 * measures_translations_get:
 * @context: (nullable): the message context, as for C_()
 * @msgid: the message in English
 *
 * Returns: the message in the language of @self
 */
const char *
measures_translations_get (MeasuresTranslations *self,
                           const char           *context,
                           const char           *msgid)
{
  const char *found;

  g_return_val_if_fail (self != NULL, msgid);

  if (context != NULL)
    {
      g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);

      found = g_hash_table_lookup (self->messages, key);
    }
  else
    found = g_hash_table_lookup (self->messages, msgid);

  return found != NULL && *found != '\0' ? found : msgid;
}

/**
 * measures_translations_get_country:
 * @iso_name: a country's name in iso-codes, a message of its
 *   iso_3166-1 domain
 *
 * Returns: (nullable): the name in the language of @self, from
 *   iso-codes' catalogue of that language; %NULL when it has none
 */
const char *
measures_translations_get_country (MeasuresTranslations *self,
                                   const char           *iso_name)
{
  const char *found;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (iso_name != NULL, NULL);

  found = g_hash_table_lookup (self->countries, iso_name);

  return found != NULL && *found != '\0' ? found : NULL;
}

static guint
plural_form (const char *lang,
             gulong      n)
{
  /* The Plural-Forms of our catalogues. */
  if (measures_language_is (lang, "ro"))
    return n == 1 ? 0 : (n == 0 || (n % 100 > 0 && n % 100 < 20)) ? 1 : 2;

  return n != 1;
}

/**
 * measures_translations_nget:
 *
 * Returns: the form of the message for @n, as ngettext() gives it
 */
const char *
measures_translations_nget (MeasuresTranslations *self,
                            const char           *msgid,
                            const char           *msgid_plural,
                            gulong                n)
{
  const char *found;

  g_return_val_if_fail (self != NULL, msgid);

  found = g_hash_table_lookup (self->messages, msgid);
  if (found != NULL)
    {
      /* The forms follow one another, each ending with a NUL; the key of
       * a plural message is "msgid\0msgid_plural", found by its first
       * part. */
      guint form = plural_form (self->lang, n);

      for (guint i = 0; i < form && found != NULL; i++)
        found = *found != '\0' ? found + strlen (found) + 1 : NULL;

      if (found != NULL && *found != '\0')
        return found;
    }

  return n == 1 ? msgid : msgid_plural;
}
