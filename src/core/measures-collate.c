/* measures-collate.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-text"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "measures-collate-private.h"
#include "measures-text.h"

/* Collation keys in the order of g_utf8_collate(), faster.
 *
 * A key is the C library's strxfrm() of the text in NFKC, as GLib
 * normalizes it (g_utf8_collate_key() gives wcsxfrm()'s key instead, in
 * other bytes: the two are never mixed). strxfrm() looks each character
 * up in the locale's tables level by level: in ro_RO.UTF-8 that is most
 * of sorting 100,000 titles.
 * glibc's key of a text is its characters' weights at the first level,
 * then 0x01, at the second, 0x01, at the third, 0x01, then at the fourth
 * each character's weight after a 0x01 of its own; so where the locale
 * has no contractions or backward levels among the characters of a text,
 * its key is made from each character's own key cut at those 0x01s.
 *
 * The key of each character below U+0300 (Latin, its diacritics, and
 * the rest of Latin-1 and the Latin Extended blocks) is asked for once
 * per locale, and a text made only of them gets its key from those. It
 * is used only where it is the C library's own key: a character whose
 * key does not cut so, or that NFKC changes, is not in the table; the
 * keys of every pair of letters, digits and common marks, and of the
 * first texts keyed, are compared with strxfrm()'s, and the table is not
 * used at all in a locale where one differs. Other text that NFKC keeps
 * as it is (all of it below U+0300, in a locale such as C.UTF-8 whose keys
 * are not cut in levels) gets strxfrm()'s key at once, without GLib's
 * normalizing; anything else is normalized first. */

#define TABLE_END 0x300
#define N_SAMPLES 64

typedef struct
{
  guint16 start[4];         /* where each level's bytes start in @bytes */
  guint8 length[4];
  gboolean known;           /* its key is cut into these levels */
  gboolean normal;          /* NFKC keeps it as it is */
} CharKey;

typedef struct
{
  char *locale;             /* LC_COLLATE it stands for */
  gboolean usable;
  gint samples;             /* texts still to compare with strxfrm() */
  guint longest_first;      /* the longest first level of a character */
  GByteArray *bytes;
  CharKey chars[TABLE_END];
} Table;

static GMutex tables_lock;
static GPtrArray *tables;

/* GLib keeps the answer until the locale changes. */
static gboolean
utf8_locale (void)
{
  return g_get_charset (NULL);
}

static char *
libc_key (const char *text)
{
  gsize length = strxfrm (NULL, text, 0);
  char *key = g_malloc (length + 1);

  strxfrm (key, text, length + 1);

  return key;
}

/* Cuts the key of one character into its four levels. */
static gboolean
cut_key (Table      *table,
         gunichar    c,
         const char *key)
{
  CharKey *entry = &table->chars[c];
  const char *level = key;

  for (guint l = 0; l < 3; l++)
    {
      const char *end = strchr (level, '\001');

      if (end == NULL || end - level > G_MAXUINT8)
        return FALSE;
      entry->start[l] = table->bytes->len;
      entry->length[l] = end - level;
      g_byte_array_append (table->bytes, (const guint8 *) level, end - level);
      level = end + 1;
    }
  /* The fourth level: 0x01 and the character's weight. */
  if (strlen (level) > G_MAXUINT8 || table->bytes->len > G_MAXUINT16 - 2 * G_MAXUINT8)
    return FALSE;
  entry->start[3] = table->bytes->len;
  entry->length[3] = strlen (level);
  g_byte_array_append (table->bytes, (const guint8 *) level, strlen (level));
  entry->known = TRUE;
  table->longest_first = MAX (table->longest_first, entry->length[0]);

  return TRUE;
}

/* Whether NFKC keeps @text as it is: made of characters it keeps, none
 * of which composes with another below U+0300. */
static gboolean
is_normal (const Table *table,
           const char  *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= TABLE_END || !table->chars[c].normal)
        return FALSE;
    }

  return TRUE;
}

/* The key of the character at *@p, which is moved past it; %NULL for
 * a character the table does not know. */
static inline const CharKey *
next_char_key (const Table    *table,
               const guchar  **p)
{
  gunichar c;

  if (**p < 0x80)
    c = *(*p)++;
  else
    {
      c = g_utf8_get_char ((const char *) *p);
      *p = (const guchar *) g_utf8_next_char (*p);
    }

  return c < TABLE_END && table->chars[c].known ? &table->chars[c] : NULL;
}

/* The key of @text from the table, or NULL when a character is not in
 * it. Each character is looked up once, then each level written. */
static char *
table_key (const Table *table,
           const char  *text)
{
  const CharKey *stack[256];
  g_autofree const CharKey **heap = NULL;
  const CharKey **chars = stack;
  const guint8 *bytes = table->bytes->data;
  gsize n = 0, capacity = G_N_ELEMENTS (stack), length = 3;
  char *key, *out;

  if (*text == '\0')
    return NULL;

  for (const guchar *p = (const guchar *) text; *p != '\0';)
    {
      const CharKey *entry = next_char_key (table, &p);

      if (entry == NULL)
        return NULL;

      if (n == capacity)
        {
          capacity *= 2;
          if (heap == NULL)
            {
              heap = g_new (const CharKey *, capacity);
              memcpy (heap, stack, sizeof stack);
            }
          else
            heap = g_renew (const CharKey *, heap, capacity);
          chars = heap;
        }
      chars[n++] = entry;
      length += entry->length[0] + entry->length[1] + entry->length[2] + entry->length[3];
    }

  out = key = g_malloc (length + 1);
  for (guint l = 0; l < 4; l++)
    {
      for (gsize i = 0; i < n; i++)
        {
          const guint8 *from = bytes + chars[i]->start[l];

          for (guint k = 0; k < chars[i]->length[l]; k++)
            *out++ = (char) from[k];
        }
      if (l < 3)
        *out++ = '\001';
    }
  *out = '\0';

  return key;
}

static gboolean
same_as_libc (const Table *table,
              const char  *text)
{
  g_autofree char *ours = table_key (table, text);
  g_autofree char *theirs = libc_key (text);

  return ours == NULL || g_str_equal (ours, theirs);
}

static Table *
table_new (const char *locale)
{
  static const char pairs[] =
    "aăâbcdefghiîjklmnopqrsștțuvwxyzAĂÂBCDEFGHIÎJKLMNOPQRSȘTȚUVWXYZ"
    "0123456789 -.,;:'\"()/éèêëáàäöüçñşţŞŢ";
  Table *table = g_new0 (Table, 1);

  table->locale = g_strdup (locale);
  table->bytes = g_byte_array_new ();
  table->samples = N_SAMPLES;
  table->usable = TRUE;

  for (gunichar c = 1; c < TABLE_END; c++)
    {
      char text[8] = { 0, };
      g_autofree char *normal = NULL;
      g_autofree char *key = NULL;

      g_unichar_to_utf8 (c, text);
      normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
      if (normal == NULL || !g_str_equal (normal, text))
        continue;
      table->chars[c].normal = TRUE;
      key = libc_key (text);
      cut_key (table, c, key);
    }

  /* Pairs would show contractions and levels read backward. */
  for (const char *a = pairs; *a != '\0' && table->usable; a = g_utf8_next_char (a))
    for (const char *b = pairs; *b != '\0' && table->usable; b = g_utf8_next_char (b))
      {
        char text[16] = { 0, };

        memcpy (text, a, g_utf8_next_char (a) - a);
        memcpy (text + strlen (text), b, g_utf8_next_char (b) - b);
        table->usable = same_as_libc (table, text);
      }

  if (!table->usable)
    g_debug ("Collation keys in %s come from the C library for every text", locale);

  return table;
}

static Table *
get_table (void)
{
  const char *locale = setlocale (LC_COLLATE, NULL);
  Table *table = NULL;

  if (locale == NULL)
    return NULL;

  g_mutex_lock (&tables_lock);
  if (tables == NULL)
    tables = g_ptr_array_new ();
  for (guint i = 0; i < tables->len && table == NULL; i++)
    if (g_str_equal (((Table *) g_ptr_array_index (tables, i))->locale, locale))
      table = g_ptr_array_index (tables, i);
  if (table == NULL)
    {
      /* Kept for the life of the process: a locale or two. */
      table = table_new (locale);
      g_ptr_array_add (tables, table);
    }
  g_mutex_unlock (&tables_lock);

  return table;
}

/**
 * measures_collate_key:
 * @text: UTF-8 text
 *
 * A key that orders texts as g_utf8_collate() does (strxfrm() of the
 * text in NFKC), made from each character's key for text made of Latin
 * letters and marks (see above), which takes a fraction of the time.
 * Compare only keys made by this function: g_utf8_collate_key() makes
 * others.
 *
 * Returns: (transfer full): a key to compare with strcmp()
 */
char *
measures_collate_key (const char *text)
{
  Table *table;
  char *key;

  g_return_val_if_fail (text != NULL, NULL);

  if (!utf8_locale () || (table = get_table ()) == NULL)
    return g_utf8_collate_key (text, -1);

  /* Text NFKC keeps as it is needs no normalizing: the C library's key
   * at once, where the table cannot make it. */
  if (!g_atomic_int_get (&table->usable) || (key = table_key (table, text)) == NULL)
    {
      g_autofree char *normal = NULL;

      if (is_normal (table, text))
        return libc_key (text);
      normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

      return libc_key (normal != NULL ? normal : "");
    }

  /* The first texts are keyed both ways, to be sure. */
  if (g_atomic_int_get (&table->samples) > 0 && g_atomic_int_add (&table->samples, -1) > 0)
    {
      g_autofree char *theirs = libc_key (text);

      if (!g_str_equal (key, theirs))
        {
          g_debug ("Collation keys in %s come from the C library for every text", table->locale);
          g_atomic_int_set (&table->usable, FALSE);
          g_free (key);
          return g_steal_pointer (&theirs);
        }
    }

  return key;
}

/* Appends the first level of @text's key from the table, or returns
 * %FALSE (with nothing appended) when a character is not in it. */
static gboolean
table_first_level (const Table *table,
                   const char  *text,
                   GByteArray  *out)
{
  const guint8 *bytes = table->bytes->data;
  guint start = out->len;
  guint8 *to;

  /* Room for the longest first level of every byte. */
  g_byte_array_set_size (out, start + strlen (text) * table->longest_first + 1);
  to = out->data + start;

  for (const guchar *p = (const guchar *) text; *p != '\0';)
    {
      const CharKey *entry = next_char_key (table, &p);

      if (entry == NULL)
        {
          g_byte_array_set_size (out, start);
          return FALSE;
        }
      for (guint k = 0; k < entry->length[0]; k++)
        *to++ = bytes[entry->start[0] + k];
    }
  *to++ = '\0';
  g_byte_array_set_size (out, to - out->data);

  return TRUE;
}

/**
 * measures_collate_key_first_level:
 * @text: UTF-8 text
 * @out: where to append it
 *
 * Appends to @out the key of measures_collate_key() up to its first
 * 0x01 (all of it when it has none), and a nul: in a locale whose keys
 * are cut in levels (see above), the key's first level, a fraction of it
 * and of the time it takes. Where the first levels of two texts differ,
 * strcmp() of them orders the two as their whole keys do (a level ends
 * in 0x01 or the key's end, below any other byte, so the shorter of two
 * where one starts the other comes first in both); only texts whose first
 * levels are the same need their whole keys compared.
 */
void
measures_collate_key_first_level (const char *text,
                                  GByteArray *out)
{
  Table *table;
  g_autofree char *key = NULL;

  g_return_if_fail (text != NULL);
  g_return_if_fail (out != NULL);

  /* The first texts are keyed whole, to be checked against the C
   * library's keys (see measures_collate_key()). */
  if (utf8_locale () && *text != '\0' && (table = get_table ()) != NULL &&
      g_atomic_int_get (&table->usable) && g_atomic_int_get (&table->samples) <= 0 &&
      table_first_level (table, text, out))
    return;

  key = measures_collate_key (text);
  g_byte_array_append (out, (const guint8 *) key, strcspn (key, "\001"));
  g_byte_array_append (out, (const guint8 *) "", 1);
}

/* The key of @text from the table alone: NULL when the table cannot
 * make it, or is not used in this locale. */
char *
_measures_collate_table_key (const char *text)
{
  Table *table;

  if (!utf8_locale () || (table = get_table ()) == NULL || !g_atomic_int_get (&table->usable))
    return NULL;

  return table_key (table, text);
}
