/* measures-translations.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-translations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
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
  char *plural;           /* the catalogue's plural= expression, if any */
  guint n_plurals;

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

/* Plural forms
 *
 * A catalogue's header says which form a number takes, as a C
 * expression of n: "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 &&
 * n%100 < 20)) ? 1 : 2);". It is read by recursive descent, as gettext
 * reads it; anything it cannot read gives English's rule. */

typedef struct
{
  const char *p;
  gulong n;
  gboolean failed;
} Plural;

static gulong plural_expression (Plural *self);

static void
plural_skip_space (Plural *self)
{
  while (*self->p == ' ' || *self->p == '\t' || *self->p == '\n' || *self->p == '\r')
    self->p++;
}

/* Consumes @token when it comes next. */
static gboolean
plural_accept (Plural     *self,
               const char *token)
{
  gsize length = strlen (token);

  plural_skip_space (self);
  if (strncmp (self->p, token, length) != 0)
    return FALSE;
  /* "<" is not the start of "<=", nor "=" of "==". */
  if (length == 1 && strchr ("<>!=", *token) != NULL && self->p[1] == '=')
    return FALSE;
  self->p += length;

  return TRUE;
}

static gulong
plural_primary (Plural *self)
{
  plural_skip_space (self);
  if (plural_accept (self, "!"))
    return !plural_primary (self);
  if (plural_accept (self, "("))
    {
      gulong value = plural_expression (self);

      if (!plural_accept (self, ")"))
        self->failed = TRUE;
      return value;
    }
  if (*self->p == 'n')
    {
      self->p++;
      return self->n;
    }
  if (g_ascii_isdigit (*self->p))
    {
      char *end;
      gulong value = strtoul (self->p, &end, 10);

      self->p = end;
      return value;
    }

  self->failed = TRUE;
  return 0;
}

static gulong
plural_product (Plural *self)
{
  gulong value = plural_primary (self);

  for (;;)
    {
      if (plural_accept (self, "*"))
        value *= plural_primary (self);
      else if (plural_accept (self, "/") || plural_accept (self, "%"))
        {
          gboolean modulo = self->p[-1] == '%';
          gulong divisor = plural_primary (self);

          if (divisor == 0)
            {
              self->failed = TRUE;
              return 0;
            }
          value = modulo ? value % divisor : value / divisor;
        }
      else
        return value;
    }
}

static gulong
plural_sum (Plural *self)
{
  gulong value = plural_product (self);

  for (;;)
    {
      if (plural_accept (self, "+"))
        value += plural_product (self);
      else if (plural_accept (self, "-"))
        value -= plural_product (self);
      else
        return value;
    }
}

static gulong
plural_comparison (Plural *self)
{
  gulong value = plural_sum (self);

  for (;;)
    {
      if (plural_accept (self, "<="))
        value = value <= plural_sum (self);
      else if (plural_accept (self, ">="))
        value = value >= plural_sum (self);
      else if (plural_accept (self, "<"))
        value = value < plural_sum (self);
      else if (plural_accept (self, ">"))
        value = value > plural_sum (self);
      else
        return value;
    }
}

static gulong
plural_equality (Plural *self)
{
  gulong value = plural_comparison (self);

  for (;;)
    {
      if (plural_accept (self, "=="))
        value = value == plural_comparison (self);
      else if (plural_accept (self, "!="))
        value = value != plural_comparison (self);
      else
        return value;
    }
}

static gulong
plural_and (Plural *self)
{
  gulong value = plural_equality (self);

  while (plural_accept (self, "&&"))
    {
      gulong other = plural_equality (self);

      value = value && other;
    }

  return value;
}

static gulong
plural_or (Plural *self)
{
  gulong value = plural_and (self);

  while (plural_accept (self, "||"))
    {
      gulong other = plural_and (self);

      value = value || other;
    }

  return value;
}

static gulong
plural_expression (Plural *self)
{
  gulong condition = plural_or (self);

  if (plural_accept (self, "?"))
    {
      gulong yes = plural_expression (self);
      gulong no;

      if (!plural_accept (self, ":"))
        {
          self->failed = TRUE;
          return 0;
        }
      no = plural_expression (self);

      return condition ? yes : no;
    }

  return condition;
}

/* Keeps the "Plural-Forms:" of a catalogue's header. */
static void
read_plural_forms (MeasuresTranslations *self,
                   const char           *header)
{
  const char *line = strstr (header, "Plural-Forms:");
  const char *nplurals, *plural;
  g_autofree char *forms = NULL;

  if (line == NULL)
    return;

  forms = g_strndup (line, strcspn (line, "\n"));
  nplurals = strstr (forms, "nplurals=");
  plural = strstr (forms, "plural=");
  /* "plural=" is also the end of "nplurals=". */
  while (plural != NULL && plural > forms && plural[-1] == 'n')
    plural = strstr (plural + 1, "plural=");
  if (nplurals == NULL || plural == NULL)
    return;

  self->n_plurals = (guint) strtoul (nplurals + strlen ("nplurals="), NULL, 10);
  self->plural = g_strndup (plural + strlen ("plural="), strcspn (plural + strlen ("plural="), ";"));
}

/* Which form of a plural message @n takes. */
static guint
plural_form (MeasuresTranslations *self,
             gulong                n)
{
  Plural plural = { self->plural, n, FALSE };
  gulong form;

  if (self->plural == NULL)
    return n != 1;

  form = plural_expression (&plural);
  plural_skip_space (&plural);
  if (plural.failed || *plural.p != '\0' || form >= self->n_plurals)
    return n != 1;

  return (guint) form;
}

/* Reads a GNU .mo file into @messages, and its plural forms into
 * @plurals if given; anything malformed leaves the table empty, so that
 * messages come out in English rather than wrong. */
static void
load_catalogue (GMappedFile          **file,
                GHashTable            *messages,
                MeasuresTranslations  *plurals,
                const char            *path)
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
        {
          if (plurals != NULL)
            read_plural_forms (plurals, (const char *) data + str_offset);
          continue;
        }

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

      load_catalogue (&self->file, self->messages, self, path);
    }

  /* The names of countries, where iso-codes installed them. */
  {
    g_autofree char *path = g_build_filename (ISO_CODES_LOCALEDIR, self->lang, "LC_MESSAGES",
                                              ISO_3166_DOMAIN ".mo", NULL);

    load_catalogue (&self->countries_file, self->countries, NULL, path);
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
  g_free (self->plural);
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
      guint form = plural_form (self, n);

      for (guint i = 0; i < form && found != NULL; i++)
        found = *found != '\0' ? found + strlen (found) + 1 : NULL;

      if (found != NULL && *found != '\0')
        return found;
    }

  return n == 1 ? msgid : msgid_plural;
}
