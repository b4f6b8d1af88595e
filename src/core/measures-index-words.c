/* measures-index-words.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-index-words"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "measures-index-words-private.h"
#include "measures-measure-private.h"

/* The words of a set of records, for search: a sorted vocabulary of
 * folded words, each with the sorted list of the records (by their number
 * in the set) that have it. A list is kept as the gaps between its
 * numbers, less one, each in as few bytes as it takes (seven bits a
 * byte, the high bit saying another byte follows): a word in most
 * records takes a byte a record, a rare one a few bytes.
 *
 * A dataset's records share one, made when the dataset is read, and a
 * cache keeps it as it is: a load from the cache uses it in place. The
 * index of a catalog asks each for the records of a prefix, shifted to
 * where the dataset's records stand; one it cannot use so (records
 * replaced by a later dataset) is remade with the catalog's numbers.
 */
struct _MeasuresWordIndex
{
  gatomicrefcount ref_count;
  guint n_records;
  guint n_words;
  const char **words;           /* sorted; in @strings, or borrowed */
  const guint64 *ends;          /* per word, the end of its list in @postings */
  const guint8 *postings;
  gsize n_postings;

  /* What keeps the above alive. */
  MeasuresStrings *strings;
  guint64 *own_ends;
  guint8 *own_postings;
  GBytes *bytes;
};

MeasuresWordIndex *
_measures_word_index_ref (MeasuresWordIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
_measures_word_index_unref (MeasuresWordIndex *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->words);
      g_free (self->own_ends);
      g_free (self->own_postings);
      g_clear_pointer (&self->strings, measures_strings_unref);
      g_clear_pointer (&self->bytes, g_bytes_unref);
      g_free (self);
    }
}

guint
_measures_word_index_get_n_records (const MeasuresWordIndex *self)
{
  return self->n_records;
}

guint
_measures_word_index_get_n_words (const MeasuresWordIndex *self)
{
  return self->n_words;
}

const char *
_measures_word_index_get_word (const MeasuresWordIndex *self,
                               guint                    word)
{
  g_return_val_if_fail (word < self->n_words, NULL);

  return self->words[word];
}

/**
 * _measures_word_index_get_postings:
 * @ends: (out): per word, the end of its list in *@postings
 * @postings: (out): the lists, one after another
 *
 * Returns: how many bytes the lists take
 */
gsize
_measures_word_index_get_postings (const MeasuresWordIndex  *self,
                                   const guint64           **ends,
                                   const guint8            **postings)
{
  *ends = self->ends;
  *postings = self->postings;

  return self->n_postings;
}

static inline guint
varint_size (guint value)
{
  guint size = 1;

  while (value >= 0x80)
    {
      value >>= 7;
      size++;
    }

  return size;
}

static inline guint8 *
put_varint (guint8 *p,
            guint   value)
{
  while (value >= 0x80)
    {
      *p++ = (guint8) (value | 0x80);
      value >>= 7;
    }
  *p++ = (guint8) value;

  return p;
}

/* Reads a number of at most 32 bits; NULL when the bytes end first or it
 * runs longer. */
static inline const guint8 *
get_varint (const guint8 *p,
            const guint8 *end,
            guint32      *value)
{
  guint32 v = 0;

  for (guint shift = 0; p < end && shift < 35; shift += 7)
    {
      guint8 byte = *p++;

      if (shift == 28 && byte > 0x0F)
        return NULL;
      v |= (guint32) (byte & 0x7F) << shift;
      if ((byte & 0x80) == 0)
        {
          *value = v;
          return p;
        }
    }

  return NULL;
}

static int
compare_words (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const char * const *words = user_data;

  return strcmp (words[*(const guint *) a], words[*(const guint *) b]);
}

/* The ids of one record's words, in a vocabulary of the builder's. */
typedef const guint32 *(*RecordWords) (gpointer  user_data,
                                       guint     record,
                                       guint    *n_ids);

/* Makes the lists from the words of each record, in two passes over
 * them: the size of each list, then the lists. @words are the
 * vocabulary the ids refer to, each once; they are copied. */
static MeasuresWordIndex *
build (GPtrArray   *words,
       guint        n_records,
       RecordWords  record_words,
       gpointer     user_data)
{
  MeasuresWordIndex *self = g_new0 (MeasuresWordIndex, 1);
  g_autofree guint *order = g_new (guint, MAX (words->len, 1));
  g_autofree guint *rank = g_new (guint, MAX (words->len, 1));
  g_autofree guint *last = g_new (guint, MAX (words->len, 1));
  g_autofree guint64 *fill = NULL;
  guint64 total = 0;

  g_atomic_ref_count_init (&self->ref_count);
  self->n_records = n_records;
  self->n_words = words->len;
  self->strings = measures_strings_new (64 * 1024);

  for (guint i = 0; i < words->len; i++)
    order[i] = i;
  g_qsort_with_data (order, words->len, sizeof (guint), compare_words, words->pdata);

  self->words = g_new (const char *, MAX (words->len, 1));
  for (guint i = 0; i < words->len; i++)
    {
      rank[order[i]] = i;
      self->words[i] = measures_strings_add (self->strings, g_ptr_array_index (words, order[i]));
    }

  /* The size of each list. */
  self->own_ends = g_new0 (guint64, MAX (words->len, 1));
  for (guint i = 0; i < words->len; i++)
    last[i] = G_MAXUINT;
  for (guint record = 0; record < n_records; record++)
    {
      guint n;
      const guint32 *ids = record_words (user_data, record, &n);

      for (guint k = 0; k < n; k++)
        {
          guint word = rank[ids[k]];

          self->own_ends[word] += varint_size (record - last[word] - 1);
          last[word] = record;
        }
    }
  for (guint i = 0; i < words->len; i++)
    {
      total += self->own_ends[i];
      self->own_ends[i] = total;
    }

  /* The lists; records come in order, so each is sorted. */
  self->own_postings = g_malloc (MAX (total, 1));
  fill = g_new (guint64, MAX (words->len, 1));
  for (guint i = 0; i < words->len; i++)
    {
      fill[i] = i > 0 ? self->own_ends[i - 1] : 0;
      last[i] = G_MAXUINT;
    }
  for (guint record = 0; record < n_records; record++)
    {
      guint n;
      const guint32 *ids = record_words (user_data, record, &n);

      for (guint k = 0; k < n; k++)
        {
          guint word = rank[ids[k]];
          guint8 *at = self->own_postings + fill[word];

          fill[word] += put_varint (at, record - last[word] - 1) - at;
          last[word] = record;
        }
    }

  self->ends = self->own_ends;
  self->postings = self->own_postings;
  self->n_postings = total;

  return self;
}

/* The words of a set of measures: the ids each keeps, in the vocabularies
 * they share, put in one vocabulary; those that keep none are folded. */
typedef struct
{
  GPtrArray *measures;
  GHashTable *ids;          /* word → id + 1 */
  GPtrArray *words;         /* by id */
  GHashTable *maps;         /* MeasuresWords → guint32 *, its ids to ours */
  MeasuresWords *folded;
  guint32 **folded_ids;     /* per measure, or NULL */
  guint *n_folded_ids;
  GArray *scratch;
} Collected;

static guint32
collected_intern (Collected  *c,
                  const char *word)
{
  gpointer found;
  guint32 id;

  if (g_hash_table_lookup_extended (c->ids, word, NULL, &found))
    return GPOINTER_TO_UINT (found) - 1;

  id = c->words->len;
  g_ptr_array_add (c->words, (gpointer) word);
  g_hash_table_insert (c->ids, (gpointer) word, GUINT_TO_POINTER (id + 1));

  return id;
}

static const guint32 *
collected_record (gpointer  user_data,
                  guint     record,
                  guint    *n_ids)
{
  Collected *c = user_data;
  MeasuresMeasure *measure = g_ptr_array_index (c->measures, record);
  MeasuresWords *words;
  const guint8 *packed;
  const guint32 *own;
  guint32 *map, *ids;
  gsize n_bytes;

  packed = measures_measure_get_word_ids (measure, n_ids, &n_bytes, &words);
  if (packed == NULL)
    *n_ids = c->n_folded_ids[record];
  if (*n_ids == 0)
    return NULL;

  if (packed != NULL)
    {
      g_array_set_size (c->scratch, *n_ids);
      measures_words_unpack (packed, n_bytes, *n_ids, &g_array_index (c->scratch, guint32, 0));
      own = &g_array_index (c->scratch, guint32, 0);
    }
  else
    {
      own = c->folded_ids[record];
      words = c->folded;
      g_array_set_size (c->scratch, *n_ids);
    }

  map = g_hash_table_lookup (c->maps, words);
  ids = &g_array_index (c->scratch, guint32, 0);
  for (guint i = 0; i < *n_ids; i++)
    ids[i] = map[own[i]];

  return ids;
}

/**
 * _measures_word_index_new_for_measures:
 * @measures: (element-type MeasuresMeasure): records, numbered by their
 *   place in @measures
 *
 * Makes the word index of @measures from the ids of the words each keeps
 * (see measures_measure_index_words()); the words of those that keep
 * none are folded now, without changing them.
 *
 * Returns: (transfer full): the word index
 */
MeasuresWordIndex *
_measures_word_index_new_for_measures (GPtrArray *measures)
{
  Collected c = { measures, };
  MeasuresWordIndex *self;

  c.ids = g_hash_table_new (g_str_hash, g_str_equal);
  c.words = g_ptr_array_new ();
  c.maps = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  c.folded_ids = g_new0 (guint32 *, MAX (measures->len, 1));
  c.n_folded_ids = g_new0 (guint, MAX (measures->len, 1));
  c.scratch = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      MeasuresWords *words;
      gsize n_bytes;
      guint n;

      if (measures_measure_get_word_ids (measure, &n, &n_bytes, &words) == NULL)
        {
          g_autofree char *own = measures_measure_dup_own_words (measure);

          if (c.folded == NULL)
            c.folded = measures_words_new ();
          c.folded_ids[i] = measures_words_collect (c.folded, own, &c.n_folded_ids[i]);
          continue;
        }

      if (!g_hash_table_contains (c.maps, words))
        {
          guint n_words = measures_words_get_n_words (words);
          guint32 *map = g_new (guint32, MAX (n_words, 1));

          for (guint k = 0; k < n_words; k++)
            map[k] = collected_intern (&c, measures_words_get_word (words, k));
          g_hash_table_insert (c.maps, words, map);
        }
    }

  /* The words folded now, once all are. */
  if (c.folded != NULL)
    {
      guint n_words = measures_words_get_n_words (c.folded);
      guint32 *map = g_new (guint32, MAX (n_words, 1));

      for (guint k = 0; k < n_words; k++)
        map[k] = collected_intern (&c, measures_words_get_word (c.folded, k));
      g_hash_table_insert (c.maps, c.folded, map);
    }

  self = build (c.words, measures->len, collected_record, &c);

  g_hash_table_unref (c.ids);
  g_ptr_array_unref (c.words);
  g_hash_table_unref (c.maps);
  for (guint i = 0; i < measures->len; i++)
    g_free (c.folded_ids[i]);
  g_free (c.folded_ids);
  g_free (c.n_folded_ids);
  g_clear_pointer (&c.folded, measures_words_unref);
  g_array_unref (c.scratch);

  return self;
}

/* Words given record by record, for the labels of facet values. */
typedef struct
{
  GArray *starts;           /* guint per record, and one past the last */
  GArray *ids;              /* guint32 */
} Listed;

static const guint32 *
listed_record (gpointer  user_data,
               guint     record,
               guint    *n_ids)
{
  Listed *l = user_data;
  guint start = g_array_index (l->starts, guint, record);

  *n_ids = g_array_index (l->starts, guint, record + 1) - start;

  return *n_ids > 0 ? &g_array_index (l->ids, guint32, start) : NULL;
}

/**
 * _measures_word_index_new_for_texts:
 * @texts: (array length=n_texts): one text per record, in valid UTF-8
 *
 * Returns: (transfer full): the word index of the folded words of @texts
 */
MeasuresWordIndex *
_measures_word_index_new_for_texts (const char * const *texts,
                                    guint               n_texts)
{
  g_autoptr(MeasuresWords) words = measures_words_new ();
  g_autoptr(GPtrArray) vocabulary = g_ptr_array_new ();
  Listed l;
  MeasuresWordIndex *self;

  l.starts = g_array_new (FALSE, FALSE, sizeof (guint));
  l.ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint i = 0; i < n_texts; i++)
    {
      guint n;
      g_autofree guint32 *ids = measures_words_collect_texts (words, &texts[i], 1, &n);
      guint start = l.ids->len;

      g_array_append_val (l.starts, start);
      g_array_append_vals (l.ids, ids, n);
    }
  {
    guint end = l.ids->len;

    g_array_append_val (l.starts, end);
  }

  for (guint i = 0; i < measures_words_get_n_words (words); i++)
    g_ptr_array_add (vocabulary, (gpointer) measures_words_get_word (words, i));
  self = build (vocabulary, n_texts, listed_record, &l);

  g_array_unref (l.starts);
  g_array_unref (l.ids);

  return self;
}

/**
 * _measures_word_index_new_borrowed:
 * @bytes: what keeps everything below alive
 * @words: (transfer full) (array length=n_words): the vocabulary
 * @ends: (array length=n_words): per word, the end of its list in @postings
 * @postings: the lists
 * @n_postings: their size in bytes
 * @n_records: how many records the lists may name
 * @check_lists: whether to read every list through
 *
 * A word index whose parts live in @bytes, as a cache keeps them. They
 * are checked as untrusted: each word not empty, at most
 * %MEASURES_WORD_MAX bytes, after the one before it; each list within
 * @postings, after the one before it, and, with @check_lists, naming
 * records in order and below @n_records. Without, a search reads a list
 * only as far as it names records below @n_records: a damaged list
 * gives other records, never reads out of bounds.
 *
 * Returns: (transfer full) (nullable): the word index, or %NULL when
 *   any part is wrong
 */
MeasuresWordIndex *
_measures_word_index_new_borrowed (GBytes         *bytes,
                                   const char    **words,
                                   guint           n_words,
                                   const guint64  *ends,
                                   const guint8   *postings,
                                   gsize           n_postings,
                                   guint           n_records,
                                   gboolean        check_lists)
{
  static const guint8 no_postings[1];
  MeasuresWordIndex *self;
  guint64 start = 0;

  /* A cache whose words all have empty lists may keep no lists at all. */
  if (postings == NULL)
    {
      if (n_postings != 0)
        {
          g_free (words);
          return NULL;
        }
      postings = no_postings;
    }

  for (guint i = 0; i < n_words; i++)
    {
      gsize len = strlen (words[i]);
      const guint8 *p, *end;
      guint64 record = G_MAXUINT64;

      if (len == 0 || len > MEASURES_WORD_MAX || (i > 0 && strcmp (words[i - 1], words[i]) >= 0) ||
          ends[i] < start || ends[i] > n_postings)
        {
          g_free (words);
          return NULL;
        }

      for (p = postings + start, end = postings + (check_lists ? ends[i] : start); p < end;)
        {
          guint32 gap;

          /* Most gaps take a byte. */
          if (*p < 0x80)
            gap = *p++;
          else if ((p = get_varint (p, end, &gap)) == NULL)
            {
              g_free (words);
              return NULL;
            }
          if ((record = record + gap + 1) >= n_records)
            {
              g_free (words);
              return NULL;
            }
        }
      start = ends[i];
    }

  self = g_new0 (MeasuresWordIndex, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_records = n_records;
  self->n_words = n_words;
  self->words = words;
  self->ends = ends;
  self->postings = postings;
  self->n_postings = n_postings;
  self->bytes = g_bytes_ref (bytes);

  return self;
}

/* The first word not less than @prefix. */
static guint
lower_bound (const MeasuresWordIndex *self,
             const char              *prefix)
{
  guint lo = 0, hi = self->n_words;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (self->words[mid], prefix) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * _measures_word_index_add_prefix:
 * @prefix: a folded word, at most %MEASURES_WORD_MAX bytes
 * @map: (nullable): where each record stands in @bits, or G_MAXUINT for
 *   nowhere; %NULL for @offset plus its number
 * @offset: added to each record's number when @map is %NULL
 * @bits: where the records of the words that start with @prefix are set
 */
void
_measures_word_index_add_prefix (const MeasuresWordIndex *self,
                                 const char              *prefix,
                                 const guint             *map,
                                 guint                    offset,
                                 MeasuresBitset          *bits)
{
  gsize len = strlen (prefix);

  for (guint i = lower_bound (self, prefix); i < self->n_words && strncmp (self->words[i], prefix, len) == 0; i++)
    {
      const guint8 *p = self->postings + (i > 0 ? self->ends[i - 1] : 0);
      const guint8 *end = self->postings + self->ends[i];
      guint record = G_MAXUINT;

      while (p < end)
        {
          guint32 gap;

          /* Fast for a gap of one byte, as most are. */
          if (*p < 0x80)
            gap = *p++;
          else if ((p = get_varint (p, end, &gap)) == NULL)
            break;
          record += gap + 1;
          if (record >= self->n_records)
            break;

          if (map == NULL)
            measures_bitset_set (bits, offset + record);
          else if (map[record] != G_MAXUINT)
            measures_bitset_set (bits, map[record]);
        }
    }
}

/**
 * _measures_word_index_remap:
 * @map: (array): for each record of @self, its number in the new index,
 *   or G_MAXUINT to leave it out; the numbers of the records kept are
 *   distinct
 * @n_records: how many records the new index has
 *
 * Returns: (transfer full): @self with its records numbered by @map
 */
MeasuresWordIndex *
_measures_word_index_remap (const MeasuresWordIndex *self,
                            const guint             *map,
                            guint                    n_records)
{
  MeasuresWordIndex *remapped = g_new0 (MeasuresWordIndex, 1);
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GByteArray) postings = g_byte_array_new ();

  g_atomic_ref_count_init (&remapped->ref_count);
  remapped->n_records = n_records;
  remapped->n_words = self->n_words;
  remapped->strings = measures_strings_new (64 * 1024);
  remapped->words = g_new (const char *, MAX (self->n_words, 1));
  remapped->own_ends = g_new (guint64, MAX (self->n_words, 1));

  for (guint i = 0; i < self->n_words; i++)
    {
      const guint8 *p = self->postings + (i > 0 ? self->ends[i - 1] : 0);
      const guint8 *end = self->postings + self->ends[i];
      guint record = G_MAXUINT, last = G_MAXUINT;

      remapped->words[i] = measures_strings_add (remapped->strings, self->words[i]);

      g_array_set_size (records, 0);
      while (p < end)
        {
          guint32 gap;

          if ((p = get_varint (p, end, &gap)) == NULL)
            break;
          record += gap + 1;
          if (record >= self->n_records)
            break;
          if (map[record] != G_MAXUINT)
            g_array_append_val (records, map[record]);
        }
      g_array_sort (records, (GCompareFunc) _measures_word_index_compare_uint);

      for (guint k = 0; k < records->len; k++)
        {
          guint8 buf[8];
          guint at = g_array_index (records, guint, k);

          g_byte_array_append (postings, buf, put_varint (buf, at - last - 1) - buf);
          last = at;
        }
      remapped->own_ends[i] = postings->len;
    }

  remapped->n_postings = postings->len;
  remapped->own_postings = g_byte_array_free (g_steal_pointer (&postings), FALSE);
  remapped->ends = remapped->own_ends;
  remapped->postings = remapped->own_postings;

  return remapped;
}

int
_measures_word_index_compare_uint (gconstpointer a,
                                   gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}
