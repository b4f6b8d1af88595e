/* measures-store.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-store"

#include "config.h"

#include <string.h>

#include "measures-store.h"
#include "measures-text.h"

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
 * folding any text again. While words are added they are found by an
 * open-addressing table of their ids, hashed as they come: a load looks a
 * word up a few hundred times a record.
 */
struct _MeasuresWords
{
  gatomicrefcount ref_count;
  GPtrArray *words;       /* const char *, in @blocks */

  /* The words, each nul-ended and padded with nuls to a multiple of
   * eight bytes, so that they are hashed and compared eight bytes at a
   * time; blocks are never moved. */
  GPtrArray *blocks;
  gsize block_used;
  gsize block_size;

  /* While words are added. */
  gboolean adding;
  guint64 *slots;         /* the hash, then id + 1, or 0; @mask + 1 of them */
  guint32 mask;
  GByteArray *lengths;    /* per id, at most MEASURES_WORD_MAX */
  guint *seen;            /* per id: the last call of collect that had it */
  guint n_seen;
  guint calls;
  guint32 *ids;           /* what one call collects */
  guint n_ids;
  guint ids_capacity;
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
  self->words = g_ptr_array_new ();
  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->adding = TRUE;
  self->mask = 1023;
  self->slots = g_new0 (guint64, self->mask + 1);
  self->lengths = g_byte_array_new ();

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
      measures_words_freeze (self);
      g_ptr_array_unref (self->words);
      g_ptr_array_unref (self->blocks);
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

/* The bytes of @word from @at, at most eight, the rest zero; @word can be
 * read to a multiple of eight bytes. */
static inline guint64
chunk_at (const char *word,
          gsize       at,
          gsize       len)
{
  guint64 chunk;

  memcpy (&chunk, word + at, 8);
  if (len - at < 8)
    chunk &= (G_GUINT64_CONSTANT (1) << (8 * (len - at))) - 1;

  return chunk;
}

/* Eight bytes at a time, multiplied and mixed. */
static guint32
hash_word (const char *word,
           gsize       len)
{
  guint64 h = len * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  for (gsize at = 0; at < len; at += 8)
    {
      h = (h ^ chunk_at (word, at, len)) * G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
      h ^= h >> 32;
    }
  h *= G_GUINT64_CONSTANT (0xC4CEB9FE1A85EC53);

  return (guint32) (h ^ (h >> 29));
}

static inline gboolean
same_word (const char *stored,
           const char *word,
           gsize       len)
{
  for (gsize at = 0; at < len; at += 8)
    if (chunk_at (stored, at, len) != chunk_at (word, at, len))
      return FALSE;

  return TRUE;
}

/* A copy of @word in the blocks, padded. */
static const char *
keep_word (MeasuresWords *self,
           const char    *word,
           gsize          len)
{
  gsize size = (len + 8) & ~(gsize) 7;
  char *copy;

  if (self->blocks->len == 0 || self->block_used + size > self->block_size)
    {
      self->block_size = MAX (64 * 1024, size);
      self->block_used = 0;
      g_ptr_array_add (self->blocks, g_malloc0 (self->block_size));
    }

  copy = (char *) g_ptr_array_index (self->blocks, self->blocks->len - 1) + self->block_used;
  memcpy (copy, word, len);
  self->block_used += size;

  return copy;
}

static void
grow_slots (MeasuresWords *self)
{
  guint32 mask = self->mask * 2 + 1;
  guint64 *slots = g_new0 (guint64, (gsize) mask + 1);

  for (guint i = 0; i <= self->mask; i++)
    if (self->slots[i] != 0)
      {
        guint32 at = (guint32) (self->slots[i] >> 32) & mask;

        while (slots[at] != 0)
          at = (at + 1) & mask;
        slots[at] = self->slots[i];
      }

  g_free (self->slots);
  self->slots = slots;
  self->mask = mask;
}



/* The id of @word, cut to MEASURES_WORD_MAX bytes on a character
 * boundary, added if new; G_MAXUINT32 for nothing. @word can be read to
 * a multiple of eight bytes past its length. */
static guint32
add_word (MeasuresWords *self,
          const char    *word,
          gsize          len)
{
  guint32 hash, at;
  guint32 id;

  if (len > MEASURES_WORD_MAX)
    {
      len = MEASURES_WORD_MAX;
      while (len > 0 && (((guchar) word[len]) & 0xC0) == 0x80)
        len--;
    }
  if (len == 0)
    return G_MAXUINT32;

  hash = hash_word (word, len);
  for (at = hash & self->mask; self->slots[at] != 0; at = (at + 1) & self->mask)
    {
      guint64 slot = self->slots[at];

      id = (guint32) slot - 1;
      if ((guint32) (slot >> 32) == hash && self->lengths->data[id] == len &&
          same_word (g_ptr_array_index (self->words, id), word, len))
        return id;
    }

  id = self->words->len;
  g_ptr_array_add (self->words, (gpointer) keep_word (self, word, len));
  g_byte_array_append (self->lengths, (const guint8 *) &(guint8) { len }, 1);
  self->slots[at] = ((guint64) hash << 32) | (id + 1);
  if ((guint64) self->words->len * 2 > self->mask)
    grow_slots (self);

  return id;
}

/* Keeps @id for the current call if it is not kept yet. */
static void
keep_id (MeasuresWords *self,
         guint32        id)
{
  if (id == G_MAXUINT32)
    return;

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
      if (self->n_ids == self->ids_capacity)
        {
          self->ids_capacity = MAX (256, 2 * self->ids_capacity);
          self->ids = g_renew (guint32, self->ids, self->ids_capacity);
        }
      self->ids[self->n_ids++] = id;
    }
}

static guint32 *
steal_ids (MeasuresWords *self,
           guint         *n_ids)
{
  guint32 *result = g_new (guint32, MAX (self->n_ids, 1));

  if (self->n_ids > 0)
    memcpy (result, self->ids, self->n_ids * sizeof (guint32));
  *n_ids = self->n_ids;
  self->n_ids = 0;

  return result;
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
  const char *p = folded;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->adding, NULL);
  g_return_val_if_fail (folded != NULL, NULL);

  self->calls++;

  while (*p != '\0')
    {
      const char *end = strchr (p, ' ');
      gsize len = end != NULL ? (gsize) (end - p) : strlen (p);
      char padded[MEASURES_WORD_MAX + 8];

      /* Copied, to be read eight bytes at a time. */
      len = MIN (len, MEASURES_WORD_MAX + 1);
      memcpy (padded, p, len);
      keep_id (self, add_word (self, padded, len));

      if (end == NULL)
        break;
      p = end + 1;
    }

  return steal_ids (self, n_ids);
}

/**
 * measures_words_collect_texts:
 * @texts: (array length=n_texts): texts in valid UTF-8
 * @n_ids: (out): how many ids are returned
 *
 * As measures_words_collect() of the folded words of @texts, one after
 * another, without making their folded text.
 *
 * Returns: (transfer full) (array length=n_ids): the ids of the distinct
 *   words, in the order they first appear
 */
guint32 *
measures_words_collect_texts (MeasuresWords      *self,
                              const char * const *texts,
                              guint               n_texts,
                              guint              *n_ids)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->adding, NULL);

  self->calls++;

  for (guint i = 0; i < n_texts; i++)
    {
      MeasuresWordIter iter;
      const char *word;
      gsize len;

      measures_word_iter_init (&iter, texts[i]);
      while (measures_word_iter_next (&iter, &word, &len))
        keep_id (self, add_word (self, word, len));
      measures_word_iter_clear (&iter);
    }

  return steal_ids (self, n_ids);
}

/**
 * measures_words_collect_texts_packed:
 * @n_ids: (out): how many ids
 * @n_bytes: (out): how many bytes they take
 *
 * As measures_words_collect_texts(), with the ids packed in as few bytes
 * as each takes (seven bits a byte, the high bit saying another byte
 * follows): a record keeps a few hundred, and most take a byte. Read
 * them back with measures_words_unpack().
 *
 * Returns: (transfer full) (array length=n_bytes): the ids, packed
 */
guint8 *
measures_words_collect_texts_packed (MeasuresWords      *self,
                                     const char * const *texts,
                                     guint               n_texts,
                                     guint              *n_ids,
                                     gsize              *n_bytes)
{
  g_autofree guint32 *ids = measures_words_collect_texts (self, texts, n_texts, n_ids);
  guint8 *packed = g_malloc (MAX ((gsize) *n_ids * 5, 1));
  guint8 *out = packed;

  for (guint i = 0; i < *n_ids; i++)
    {
      guint32 id = ids[i];

      while (id >= 0x80)
        {
          *out++ = (guint8) (id | 0x80);
          id >>= 7;
        }
      *out++ = (guint8) id;
    }
  *n_bytes = out - packed;

  return g_realloc (packed, MAX (*n_bytes, 1));
}

/**
 * measures_words_unpack:
 * @packed: (array length=n_bytes): ids from
 *   measures_words_collect_texts_packed()
 * @n_ids: how many there are
 * @ids: (array length=n_ids) (out caller-allocates): where they go
 */
void
measures_words_unpack (const guint8 *packed,
                       gsize         n_bytes,
                       guint         n_ids,
                       guint32      *ids)
{
  const guint8 *p = packed, *end = packed + n_bytes;

  for (guint i = 0; i < n_ids; i++)
    {
      guint32 id = 0;

      for (guint shift = 0; p < end; shift += 7)
        {
          guint8 byte = *p++;

          id |= (guint32) (byte & 0x7F) << shift;
          if ((byte & 0x80) == 0)
            break;
        }
      ids[i] = id;
    }
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

  self->adding = FALSE;
  g_clear_pointer (&self->slots, g_free);
  g_clear_pointer (&self->lengths, g_byte_array_unref);
  g_clear_pointer (&self->ids, g_free);
  self->n_ids = self->ids_capacity = 0;
  g_clear_pointer (&self->seen, g_free);
  self->n_seen = 0;
}
