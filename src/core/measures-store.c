/* measures-store.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-store"

#include "config.h"

#include <string.h>

#include "measures-store.h"

/* Where the records' text lives. A load puts every string of its records
 * in a few large blocks instead of one allocation each, and countries,
 * types, forms and language codes once; a cache keeps them in the mapped
 * file itself. Records hold a reference, so the blocks go when the last
 * record does.
 */
struct _MeasuresStrings
{
  gatomicrefcount ref_count;
  GStringChunk *chunk;
  GBytes *bytes;
};

/**
 * measures_strings_new:
 * @block_size: the size of each block; small for a single record
 *
 * Returns: (transfer full): an empty store, to be filled from one thread
 */
MeasuresStrings *
measures_strings_new (gsize block_size)
{
  MeasuresStrings *self = g_new0 (MeasuresStrings, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->chunk = g_string_chunk_new (MAX (block_size, 64));

  return self;
}

/**
 * measures_strings_new_for_bytes:
 * @bytes: the data that strings point into
 *
 * Returns: (transfer full): a store keeping @bytes alive, for strings read
 *   from a cache in place; measures_strings_add() still works
 */
MeasuresStrings *
measures_strings_new_for_bytes (GBytes *bytes)
{
  MeasuresStrings *self = measures_strings_new (4096);

  self->bytes = g_bytes_ref (bytes);

  return self;
}

MeasuresStrings *
measures_strings_ref (MeasuresStrings *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
measures_strings_unref (MeasuresStrings *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_string_chunk_free (self->chunk);
      g_clear_pointer (&self->bytes, g_bytes_unref);
      g_free (self);
    }
}

/**
 * measures_strings_add:
 * @text: (nullable): a string
 *
 * Returns: (nullable): a copy of @text that lives as long as @self
 */
const char *
measures_strings_add (MeasuresStrings *self,
                      const char      *text)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;

  return g_string_chunk_insert (self->chunk, text);
}

/**
 * measures_strings_intern:
 * @text: (nullable): a string that recurs, such as a country
 *
 * Returns: (nullable): the one copy of @text in @self
 */
const char *
measures_strings_intern (MeasuresStrings *self,
                         const char      *text)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;

  return g_string_chunk_insert_const (self->chunk, text);
}

/* The folded words of a set of records, each once: records keep the ids
 * of their words, so the index is built, and a cache is written, without
 * folding any text again.
 */
struct _MeasuresWords
{
  gatomicrefcount ref_count;
  MeasuresStrings *strings;
  GPtrArray *words;       /* const char *, in @strings */
  GHashTable *ids;        /* word → id + 1, while words are added */
  guint *seen;            /* per id: the last call of collect that had it */
  guint n_seen;
  guint calls;
};

/**
 * measures_words_new:
 *
 * Returns: (transfer full): an empty vocabulary, to be filled from one
 *   thread with measures_words_collect()
 */
MeasuresWords *
measures_words_new (void)
{
  MeasuresWords *self = g_new0 (MeasuresWords, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->strings = measures_strings_new (64 * 1024);
  self->words = g_ptr_array_new ();
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);

  return self;
}

/**
 * measures_words_new_for_strings:
 * @strings: the store @words live in
 * @words: (array length=n_words): distinct words, at most
 *   %MEASURES_WORD_MAX bytes each
 *
 * Returns: (transfer full): a frozen vocabulary of @words
 */
MeasuresWords *
measures_words_new_for_strings (MeasuresStrings  *strings,
                                const char      **words,
                                guint             n_words)
{
  MeasuresWords *self = g_new0 (MeasuresWords, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->strings = measures_strings_ref (strings);
  self->words = g_ptr_array_sized_new (n_words);
  for (guint i = 0; i < n_words; i++)
    g_ptr_array_add (self->words, (gpointer) words[i]);

  return self;
}

MeasuresWords *
measures_words_ref (MeasuresWords *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
measures_words_unref (MeasuresWords *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->ids, g_hash_table_unref);
      g_free (self->seen);
      g_ptr_array_unref (self->words);
      measures_strings_unref (self->strings);
      g_free (self);
    }
}

guint
measures_words_get_n_words (MeasuresWords *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->words->len;
}

const char *
measures_words_get_word (MeasuresWords *self,
                         guint          id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id < self->words->len, NULL);

  return g_ptr_array_index (self->words, id);
}

/**
 * measures_words_collect:
 * @folded: folded words separated by single spaces, as from
 *   measures_fold_words()
 * @n_ids: (out): how many ids are returned
 *
 * Adds the words of @folded, each cut to %MEASURES_WORD_MAX bytes on a
 * character boundary.
 *
 * Returns: (transfer full) (array length=n_ids): the ids of the distinct
 *   words of @folded, in the order they first appear
 */
guint32 *
measures_words_collect (MeasuresWords *self,
                        const char    *folded,
                        guint         *n_ids)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  const char *p = folded;
  guint32 *result;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->ids != NULL, NULL);
  g_return_val_if_fail (folded != NULL, NULL);

  self->calls++;

  while (*p != '\0')
    {
      const char *end = strchr (p, ' ');
      gsize len = end != NULL ? (gsize) (end - p) : strlen (p);
      char word[MEASURES_WORD_MAX + 1];
      gpointer found;
      guint32 id;

      len = MIN (len, MEASURES_WORD_MAX);
      while (len > 0 && (((guchar) p[len]) & 0xC0) == 0x80)
        len--;
      memcpy (word, p, len);
      word[len] = '\0';

      if (len > 0)
        {
          if (g_hash_table_lookup_extended (self->ids, word, NULL, &found))
            id = GPOINTER_TO_UINT (found) - 1;
          else
            {
              const char *copy = measures_strings_add (self->strings, word);

              id = self->words->len;
              g_ptr_array_add (self->words, (gpointer) copy);
              g_hash_table_insert (self->ids, (gpointer) copy, GUINT_TO_POINTER (id + 1));
            }

          if (id >= self->n_seen)
            {
              guint old = self->n_seen;

              self->n_seen = MAX (id + 1, 2 * old);
              self->seen = g_renew (guint, self->seen, self->n_seen);
              memset (self->seen + old, 0, (self->n_seen - old) * sizeof (guint));
            }
          if (self->seen[id] != self->calls)
            {
              self->seen[id] = self->calls;
              g_array_append_val (ids, id);
            }
        }

      if (end == NULL)
        break;
      p = end + 1;
    }

  result = g_new (guint32, MAX (ids->len, 1));
  if (ids->len > 0)
    memcpy (result, ids->data, ids->len * sizeof (guint32));
  *n_ids = ids->len;

  return result;
}

/**
 * measures_words_freeze:
 *
 * Drops what adding words needs; the words stay.
 */
void
measures_words_freeze (MeasuresWords *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_free);
  self->n_seen = 0;
}
