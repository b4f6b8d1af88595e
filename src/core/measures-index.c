/* measures-index.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-index"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "measures-index.h"
#include "measures-index-orders-private.h"
#include "measures-index-words-private.h"
#include "measures-measure-private.h"
#include "measures-number-map-private.h"
#include "measures-store.h"
#include "measures-text.h"
#include "measures-vocabulary.h"

/* Answers queries with set operations instead of testing records one by
 * one:
 *
 * - every facet value (a country, a region, a type or category, a form)
 *   has a bitset of the measures that carry it;
 * - search words come from a sorted vocabulary of folded words, each with
 *   the sorted list of measures that contain it, so the measures with a
 *   word starting with a prefix are the union of one run of postings;
 * - years are two arrays scanned in one pass.
 *
 * A query is then a handful of ORs and ANDs of bitsets, and the count of
 * every facet value is one AND-and-count against the other facets.
 */

typedef struct
{
  char *value;        /* as first written in the data */
  char *label;        /* in the UI language */
  int parent;         /* a subcategory's category, or -1 */
  MeasuresBitset *bits;
} FacetValue;

typedef struct
{
  GArray *values;     /* FacetValue */
  GHashTable *by_key; /* facet key → index + 1 */
  MeasuresNumberMap *by_pointer; /* a value's string → index + 1, while
                                  * building: a load keeps each value once */
} Facet;

/* While building: a type's string → its category's index + 1. */


struct _MeasuresIndex
{
  GObject parent_instance;

  GPtrArray *measures;
  guint n;
  Facet facets[MEASURES_N_FACETS];
  GArray *country_region;   /* int per country value */
  MeasuresNumberMap category_of_type; /* while building: a type → its category + 1 */
  guint *first_category;     /* per measure: the category of its first type, or G_MAXUINT */
  guint *country;            /* per measure: its country's value */
  int *year_from;
  int *year_to;

  /* The words of the measures' own texts: the word index of each
   * dataset, where its measures stand; and the words of the facet
   * values' labels, whose records are the facet values. */
  GArray *segments;          /* Segment */
  MeasuresWordIndex *label_words;
  GArray *label_values;      /* LabelValue, per record of @label_words */

  /* Sort orders, made when first asked for, or ahead of time in another
   * thread. */
  MeasuresIndexOrders *orders;

  /* The word bitsets of the last query: typing extends one word at a
   * time, so the others are reused. */
  GHashTable *word_cache;

  /* Made when the user's marks are first asked about: a measure's id →
   * its position + 1, and the next position with the same id + 1. */
  GHashTable *by_id;
  guint *same_id;
};

G_DEFINE_FINAL_TYPE (MeasuresIndex, measures_index, G_TYPE_OBJECT)

typedef struct
{
  MeasuresWordIndex *words;
  guint offset;              /* where its record 0 stands, without @map */
  guint *map;                /* else where each of its records stands */
} Segment;

typedef struct
{
  MeasuresFacet facet;
  guint value;
} LabelValue;

static void
segment_clear (gpointer data)
{
  Segment *segment = data;

  _measures_word_index_unref (segment->words);
  g_free (segment->map);
}

static void
facet_value_clear (gpointer data)
{
  FacetValue *value = data;

  g_free (value->value);
  g_free (value->label);
  measures_bitset_free (value->bits);
}

void
measures_result_free (MeasuresResult *self)
{
  if (self == NULL)
    return;

  measures_bitset_free (self->matches);
  for (guint i = 0; i < MEASURES_N_FACETS; i++)
    g_free (self->counts[i]);
  g_free (self->collection_counts);
  g_free (self);
}

static void
measures_index_finalize (GObject *object)
{
  MeasuresIndex *self = (MeasuresIndex *)object;

  for (guint i = 0; i < MEASURES_N_FACETS; i++)
    {
      g_clear_pointer (&self->facets[i].values, g_array_unref);
      g_clear_pointer (&self->facets[i].by_key, g_hash_table_unref);
    }

  g_clear_pointer (&self->orders, _measures_index_orders_free);

  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->label_words, _measures_word_index_unref);
  g_clear_pointer (&self->label_values, g_array_unref);
  g_free (self->year_from);
  g_free (self->year_to);
  g_clear_pointer (&self->word_cache, g_hash_table_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_free (self->same_id);
  g_clear_pointer (&self->country_region, g_array_unref);
  g_free (self->first_category);
  g_free (self->country);
  g_clear_pointer (&self->measures, g_ptr_array_unref);

  G_OBJECT_CLASS (measures_index_parent_class)->finalize (object);
}

static void
measures_index_class_init (MeasuresIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = measures_index_finalize;
}

static void
measures_index_init (MeasuresIndex *self)
{
  for (guint i = 0; i < MEASURES_N_FACETS; i++)
    {
      self->facets[i].values = g_array_new (FALSE, TRUE, sizeof (FacetValue));
      g_array_set_clear_func (self->facets[i].values, facet_value_clear);
      self->facets[i].by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  self->country_region = g_array_new (FALSE, FALSE, sizeof (int));
  self->word_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) measures_bitset_free);
}

/* Finds or adds a facet value, and marks measure @position as having it. */
static guint
add_value (MeasuresIndex *self,
           MeasuresFacet  facet,
           const char    *value,
           gboolean       stable,
           int            parent,
           guint          position)
{
  Facet *f = &self->facets[facet];
  char *key;
  gpointer found;
  guint32 known;
  guint index;

  if (stable && f->by_pointer != NULL &&
      (known = measures_number_map_get (f->by_pointer, (guintptr) value)) != 0)
    {
      index = known - 1;
      measures_bitset_set (g_array_index (f->values, FacetValue, index).bits, position);
      return index;
    }

  key = measures_facet_key (facet, value);
  if (g_hash_table_lookup_extended (f->by_key, key, NULL, &found))
    {
      index = GPOINTER_TO_UINT (found) - 1;
      g_free (key);
    }
  else
    {
      FacetValue new_value;

      new_value.value = g_strdup (value);
      new_value.label = measures_vocabulary_label (facet, value);
      new_value.parent = parent;
      new_value.bits = measures_bitset_new (self->n);
      index = f->values->len;
      g_array_append_val (f->values, new_value);
      g_hash_table_insert (f->by_key, key, GUINT_TO_POINTER (index + 1));
    }

  measures_bitset_set (g_array_index (f->values, FacetValue, index).bits, position);
  if (stable && f->by_pointer != NULL)
    measures_number_map_put (f->by_pointer, (guintptr) value, index + 1);

  return index;
}

static void
index_facets (MeasuresIndex   *self,
              MeasuresMeasure *measure,
              guint            position)
{
  const char * const *types = measures_measure_get_types (measure);
  const char * const *forms = measures_measure_get_forms (measure);

  guint country = add_value (self, MEASURES_FACET_COUNTRY, measures_measure_get_country (measure), TRUE, -1, position);
  int region = -1;

  self->country[position] = country;
  if (measures_measure_get_region (measure) != NULL)
    region = add_value (self, MEASURES_FACET_REGION, measures_measure_get_region (measure), TRUE, -1, position);

  /* A country belongs to the region its first measure names. */
  if (country == self->country_region->len)
    g_array_append_val (self->country_region, region);
  else if (g_array_index (self->country_region, int, country) == -1)
    g_array_index (self->country_region, int, country) = region;

  /* A type is filed under itself and under its category. */
  self->first_category[position] = G_MAXUINT;
  for (guint i = 0; types[i] != NULL; i++)
    {
      guint32 known = measures_number_map_get (&self->category_of_type, (guintptr) types[i]);
      guint parent;

      if (known != 0)
        {
          parent = known - 1;
          measures_bitset_set (g_array_index (self->facets[MEASURES_FACET_TYPE].values, FacetValue, parent).bits,
                               position);
        }
      else
        {
          g_autofree char *category = measures_type_get_category (types[i]);

          parent = add_value (self, MEASURES_FACET_TYPE, category, FALSE, -1, position);
          measures_number_map_put (&self->category_of_type, (guintptr) types[i], parent + 1);
        }

      if (i == 0)
        self->first_category[position] = parent;

      if (strstr (types[i], MEASURES_TYPE_SEPARATOR) != NULL)
        add_value (self, MEASURES_FACET_TYPE, types[i], TRUE, parent, position);
    }

  for (guint i = 0; forms[i] != NULL; i++)
    add_value (self, MEASURES_FACET_FORM, forms[i], TRUE, -1, position);

  self->year_from[position] = measures_measure_get_year_from (measure);
  self->year_to[position] = measures_measure_get_year_to (measure);
}

typedef struct
{
  MeasuresWordIndex *words;
  guint offset;
  gboolean in_place;         /* its records stand at @offset on, in order */
  guint count;
  guint *map;
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->map);
  g_free (group);
}

/* The words of the measures' own texts. Each dataset's word index is
 * used as it is where its measures stand in their order, one after
 * another, as they do unless a later dataset replaced some; otherwise
 * it is renumbered. Measures with no word index, or in the index twice,
 * get one made of them, their words folded now if they kept none. */
static void
index_words (MeasuresIndex *self)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL, group_free);
  g_autoptr(GArray) loose = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  Group *group;

  self->segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  g_array_set_clear_func (self->segments, segment_clear);

  for (guint position = 0; position < self->n; position++)
    {
      guint ordinal;
      MeasuresWordIndex *words =
        _measures_measure_get_word_index (g_ptr_array_index (self->measures, position), &ordinal);

      if (words == NULL || ordinal >= _measures_word_index_get_n_records (words))
        continue;
      if ((group = g_hash_table_lookup (groups, words)) == NULL)
        {
          group = g_new0 (Group, 1);
          group->words = words;
          group->in_place = position >= ordinal;
          group->offset = position - ordinal;
          g_hash_table_insert (groups, words, group);
        }
      if (position - ordinal != group->offset || group->count != ordinal)
        group->in_place = FALSE;
      group->count++;
    }

  for (guint position = 0; position < self->n; position++)
    {
      guint ordinal;
      MeasuresWordIndex *words =
        _measures_measure_get_word_index (g_ptr_array_index (self->measures, position), &ordinal);

      if (words == NULL || ordinal >= _measures_word_index_get_n_records (words))
        {
          g_array_append_val (loose, position);
          continue;
        }
      group = g_hash_table_lookup (groups, words);
      if (group->in_place && group->count == _measures_word_index_get_n_records (words))
        continue;
      if (group->map == NULL)
        {
          guint n = _measures_word_index_get_n_records (words);

          group->map = g_new (guint, MAX (n, 1));
          for (guint i = 0; i < n; i++)
            group->map[i] = G_MAXUINT;
        }
      if (group->map[ordinal] != G_MAXUINT)
        g_array_append_val (loose, position);
      else
        group->map[ordinal] = position;
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &group))
    {
      Segment segment = { NULL, };

      if (group->map == NULL)
        {
          segment.words = _measures_word_index_ref (group->words);
          segment.offset = group->offset;
        }
      else
        segment.words = _measures_word_index_remap (group->words, group->map, self->n);
      g_array_append_val (self->segments, segment);
    }

  if (loose->len > 0)
    {
      g_autoptr(GPtrArray) measures = g_ptr_array_sized_new (loose->len);
      Segment segment = { NULL, };

      for (guint i = 0; i < loose->len; i++)
        g_ptr_array_add (measures, g_ptr_array_index (self->measures, g_array_index (loose, guint, i)));
      segment.words = _measures_word_index_new_for_measures (measures);
      segment.map = (guint *) (void *) g_array_free (g_steal_pointer (&loose), FALSE);
      g_array_append_val (self->segments, segment);
    }
}

/* The words of each facet value and of its label in the UI language, as
 * the search text of a measure has them. */
static void
index_label_words (MeasuresIndex *self)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  self->label_values = g_array_new (FALSE, FALSE, sizeof (LabelValue));
  for (guint facet = 0; facet < MEASURES_N_FACETS; facet++)
    {
      GArray *values = self->facets[facet].values;

      for (guint v = 0; v < values->len; v++)
        {
          const FacetValue *value = &g_array_index (values, FacetValue, v);
          LabelValue label = { facet, v };

          g_ptr_array_add (texts, g_str_equal (value->label, value->value)
                                    ? g_strdup (value->value)
                                    : g_strdup_printf ("%s\n%s", value->value, value->label));
          g_array_append_val (self->label_values, label);
        }
    }

  self->label_words = _measures_word_index_new_for_texts ((const char * const *) texts->pdata, texts->len);
}

/**
 * measures_index_new:
 * @measures: (element-type MeasuresMeasure): the measures to answer
 *   queries about; the index keeps a reference
 *
 * Returns: (transfer full): the index
 */
MeasuresIndex *
measures_index_new (GPtrArray *measures)
{
  MeasuresIndex *self;

  g_return_val_if_fail (measures != NULL, NULL);

  self = g_object_new (MEASURES_TYPE_INDEX, NULL);
  self->measures = g_ptr_array_ref (measures);
  self->n = measures->len;
  self->year_from = g_new0 (int, MAX (self->n, 1));
  self->year_to = g_new0 (int, MAX (self->n, 1));
  self->first_category = g_new0 (guint, MAX (self->n, 1));
  self->country = g_new0 (guint, MAX (self->n, 1));

  for (guint f = 0; f < MEASURES_N_FACETS; f++)
    {
      self->facets[f].by_pointer = g_new (MeasuresNumberMap, 1);
      measures_number_map_init (self->facets[f].by_pointer);
    }
  measures_number_map_init (&self->category_of_type);
  for (guint i = 0; i < self->n; i++)
    index_facets (self, g_ptr_array_index (measures, i), i);
  for (guint f = 0; f < MEASURES_N_FACETS; f++)
    {
      measures_number_map_clear (self->facets[f].by_pointer);
      g_clear_pointer (&self->facets[f].by_pointer, g_free);
    }
  measures_number_map_clear (&self->category_of_type);

  index_words (self);
  index_label_words (self);
  self->orders = _measures_index_orders_new (self->measures, self->year_from, self->year_to);

  return self;
}

guint
measures_index_get_n_measures (MeasuresIndex *self)
{
  g_return_val_if_fail (MEASURES_IS_INDEX (self), 0);

  return self->n;
}

/**
 * measures_index_get_measure:
 *
 * Returns: (transfer none): the measure at @position in the datasets' order
 */
MeasuresMeasure *
measures_index_get_measure (MeasuresIndex *self,
                            guint          position)
{
  g_return_val_if_fail (MEASURES_IS_INDEX (self), NULL);
  g_return_val_if_fail (position < self->n, NULL);

  return g_ptr_array_index (self->measures, position);
}

guint
measures_index_get_n_values (MeasuresIndex *self,
                             MeasuresFacet  facet)
{
  g_return_val_if_fail (MEASURES_IS_INDEX (self), 0);
  g_return_val_if_fail (facet < MEASURES_N_FACETS, 0);

  return self->facets[facet].values->len;
}

static FacetValue *
get_value (MeasuresIndex *self,
           MeasuresFacet  facet,
           guint          value)
{
  g_return_val_if_fail (MEASURES_IS_INDEX (self), NULL);
  g_return_val_if_fail (facet < MEASURES_N_FACETS, NULL);
  g_return_val_if_fail (value < self->facets[facet].values->len, NULL);

  return &g_array_index (self->facets[facet].values, FacetValue, value);
}

/**
 * measures_index_get_value:
 *
 * Returns: the value as the data writes it
 */
const char *
measures_index_get_value (MeasuresIndex *self,
                          MeasuresFacet  facet,
                          guint          value)
{
  FacetValue *v = get_value (self, facet, value);

  return v != NULL ? v->value : NULL;
}

/**
 * measures_index_get_value_label:
 *
 * Returns: the value's label in the UI language
 */
const char *
measures_index_get_value_label (MeasuresIndex *self,
                                MeasuresFacet  facet,
                                guint          value)
{
  FacetValue *v = get_value (self, facet, value);

  return v != NULL ? v->label : NULL;
}

/**
 * measures_index_get_value_parent:
 *
 * Returns: the category of a type subcategory, or -1
 */
int
measures_index_get_value_parent (MeasuresIndex *self,
                                 MeasuresFacet  facet,
                                 guint          value)
{
  FacetValue *v = get_value (self, facet, value);

  return v != NULL ? v->parent : -1;
}

/**
 * measures_index_get_country_region:
 *
 * Returns: the region of a country value, or -1 when its measures name none
 */
int
measures_index_get_country_region (MeasuresIndex *self,
                                   guint          country)
{
  g_return_val_if_fail (MEASURES_IS_INDEX (self), -1);
  g_return_val_if_fail (country < self->country_region->len, -1);

  return g_array_index (self->country_region, int, country);
}

/**
 * measures_index_count_value:
 * @matches: (nullable): the measures to count among; %NULL for all
 *
 * Returns: how many of @matches have @value in @facet
 */
guint
measures_index_count_value (MeasuresIndex        *self,
                            MeasuresFacet         facet,
                            guint                 value,
                            const MeasuresBitset *matches)
{
  FacetValue *v = get_value (self, facet, value);

  if (v == NULL)
    return 0;

  return matches != NULL ? measures_bitset_count_and (v->bits, matches) : measures_bitset_count (v->bits);
}

/**
 * measures_index_get_value_measures:
 *
 * Returns: (transfer none): the measures that have @value in @facet, by
 *   position, for figures that cross it with another facet
 */
const MeasuresBitset *
measures_index_get_value_measures (MeasuresIndex *self,
                                   MeasuresFacet  facet,
                                   guint          value)
{
  FacetValue *v = get_value (self, facet, value);

  return v != NULL ? v->bits : NULL;
}

/**
 * measures_index_get_first_category:
 *
 * Returns: the type value of the category of the measure's first type,
 *   or %G_MAXUINT when it has no type
 */
guint
measures_index_get_first_category (MeasuresIndex *self,
                                   guint          position)
{
  g_return_val_if_fail (MEASURES_IS_INDEX (self), G_MAXUINT);
  g_return_val_if_fail (position < self->n, G_MAXUINT);

  return self->first_category[position];
}

/**
 * measures_index_find_value:
 *
 * Returns: the index of @value in @facet, compared as facet values are,
 *   or -1
 */
int
measures_index_find_value (MeasuresIndex *self,
                           MeasuresFacet  facet,
                           const char    *value)
{
  g_autofree char *key = NULL;
  gpointer found;

  g_return_val_if_fail (MEASURES_IS_INDEX (self), -1);
  g_return_val_if_fail (facet < MEASURES_N_FACETS, -1);

  key = measures_facet_key (facet, value);
  if (!g_hash_table_lookup_extended (self->facets[facet].by_key, key, NULL, &found))
    return -1;

  return (int) GPOINTER_TO_UINT (found) - 1;
}

/**
 * measures_index_get_years:
 * @from: (out) (array): the first year of each measure, or
 *   %MEASURES_YEAR_NONE
 * @to: (out) (array): the last year of each, or %MEASURES_YEAR_NONE
 *
 * The years of every measure, by position, for figures over many of them.
 */
void
measures_index_get_years (MeasuresIndex  *self,
                          const int     **from,
                          const int     **to)
{
  g_return_if_fail (MEASURES_IS_INDEX (self));

  *from = self->year_from;
  *to = self->year_to;
}

/**
 * measures_index_get_countries:
 *
 * Returns: (array): the country value of every measure, by position
 */
const guint *
measures_index_get_countries (MeasuresIndex *self)
{
  g_return_val_if_fail (MEASURES_IS_INDEX (self), NULL);

  return self->country;
}

/**
 * measures_index_get_year_span:
 * @first: (out): the earliest year of any measure
 * @last: (out): the latest year, counting the start of open periods
 *
 * Returns: %FALSE when no measure has a year
 */
gboolean
measures_index_get_year_span (MeasuresIndex *self,
                              int           *first,
                              int           *last)
{
  int lo = G_MAXINT, hi = G_MININT;

  g_return_val_if_fail (MEASURES_IS_INDEX (self), FALSE);

  for (guint i = 0; i < self->n; i++)
    {
      if (self->year_from[i] == MEASURES_YEAR_NONE)
        continue;
      lo = MIN (lo, self->year_from[i]);
      hi = MAX (hi, MAX (self->year_from[i], self->year_to[i]));
    }

  if (lo > hi)
    return FALSE;

  *first = lo;
  *last = hi;

  return TRUE;
}

/* The measures having any of @keys in @facet; NULL when nothing is chosen. */
static MeasuresBitset *
facet_bits (MeasuresIndex      *self,
            MeasuresFacet       facet,
            const char * const *keys,
            MeasuresBitset     *into)
{
  Facet *f = &self->facets[facet];

  for (guint i = 0; keys[i] != NULL; i++)
    {
      gpointer found;

      if (g_hash_table_lookup_extended (f->by_key, keys[i], NULL, &found))
        measures_bitset_or (into, g_array_index (f->values, FacetValue, GPOINTER_TO_UINT (found) - 1).bits);
    }

  return into;
}

static MeasuresBitset *
word_bits (MeasuresIndex *self,
           const char    *word)
{
  MeasuresBitset *bits = g_hash_table_lookup (self->word_cache, word);
  g_autoptr(MeasuresBitset) labels = NULL;
  char prefix[256];
  gsize len;

  if (bits != NULL)
    return bits;

  /* Indexed words are cut at 255 bytes; so is the prefix. */
  g_strlcpy (prefix, word, sizeof prefix);
  len = strlen (prefix);

  bits = measures_bitset_new (self->n);
  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);

      _measures_word_index_add_prefix (segment->words, prefix, segment->map, segment->offset, bits);
    }

  labels = measures_bitset_new (self->label_values->len);
  _measures_word_index_add_prefix (self->label_words, prefix, NULL, 0, labels);
  for (guint i = 0; i < self->label_values->len; i++)
    if (measures_bitset_get (labels, i))
      {
        const LabelValue *label = &g_array_index (self->label_values, LabelValue, i);

        measures_bitset_or (bits, g_array_index (self->facets[label->facet].values, FacetValue, label->value).bits);
      }

  /* A prefix longer than an indexed word was compared on its first 255
   * bytes only: check the candidates against the whole text. */
  if (len < strlen (word))
    for (guint doc = 0; doc < self->n; doc++)
      if (measures_bitset_get (bits, doc))
        {
          g_autofree char *text = measures_measure_dup_search_text (g_ptr_array_index (self->measures, doc));

          if (!measures_text_has_word_prefix (text, word))
            bits->words[doc >> 6] &= ~(G_GUINT64_CONSTANT (1) << (doc & 63));
        }

  g_hash_table_insert (self->word_cache, g_strdup (word), bits);

  return bits;
}

enum {
  PART_PLACE,
  PART_YEARS,
  PART_TYPE,
  PART_FORM,
  PART_SEARCH,
  PART_STARRED,
  PART_COLLECTION,
  N_PARTS
};

/* The user's marks, kept by measure ids in a MeasuresLibrary: each is a
 * set of ids made a bitset here, at every evaluation, since the marks
 * change without the measures changing. */

static void
index_ids (MeasuresIndex *self)
{
  if (self->by_id != NULL)
    return;

  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->same_id = g_new0 (guint, MAX (self->n, 1));
  for (guint i = self->n; i-- > 0;)
    {
      const char *id = measures_measure_get_id (g_ptr_array_index (self->measures, i));
      gpointer next = g_hash_table_lookup (self->by_id, id);

      self->same_id[i] = GPOINTER_TO_UINT (next);
      g_hash_table_insert (self->by_id, (gpointer) id, GUINT_TO_POINTER (i + 1));
    }
}

/* Sets in @bits every measure whose id is @id. */
static void
set_id (MeasuresIndex  *self,
        const char     *id,
        MeasuresBitset *bits)
{
  for (guint at = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id)); at != 0; at = self->same_id[at - 1])
    measures_bitset_set (bits, at - 1);
}

static MeasuresBitset *
ids_bits (MeasuresIndex      *self,
          const char * const *ids,
          MeasuresBitset     *into)
{
  /* No marks, as at most loads from the command line: no map of ids. */
  if (ids[0] == NULL)
    return into;
  index_ids (self);
  for (guint i = 0; ids[i] != NULL; i++)
    set_id (self, ids[i], into);

  return into;
}

static MeasuresBitset *
collection_bits (MeasuresIndex   *self,
                 MeasuresLibrary *library,
                 const char      *collection,
                 MeasuresBitset  *into)
{
  g_autofree const char **ids = measures_library_list_collection (library, collection, NULL);

  return ids_bits (self, ids, into);
}

static MeasuresBitset *
starred_bits (MeasuresIndex   *self,
              MeasuresLibrary *library)
{
  g_autofree const char **ids = measures_library_list_starred (library, NULL);

  return ids_bits (self, ids, measures_bitset_new (self->n));
}

/* The measures whose note has a word starting with @word. */
static MeasuresBitset *
note_bits (MeasuresIndex   *self,
           MeasuresLibrary *library,
           const char      *word)
{
  g_autofree const char **ids = measures_library_list_notes (library, NULL);
  MeasuresBitset *bits = measures_bitset_new (self->n);

  if (ids[0] != NULL)
    index_ids (self);
  for (guint i = 0; ids[i] != NULL; i++)
    if (measures_text_has_word_prefix (measures_library_get_folded_note (library, ids[i]), word))
      set_id (self, ids[i], bits);

  return bits;
}

/* The measures every criterion but @skip's leaves; NULL when none
 * constrains them. */
static MeasuresBitset *
others_than (MeasuresIndex  *self,
             MeasuresBitset *parts[N_PARTS],
             guint           skip)
{
  MeasuresBitset *others = NULL;

  for (guint p = 0; p < N_PARTS; p++)
    if (p != skip && parts[p] != NULL)
      {
        if (others == NULL)
          {
            others = measures_bitset_new (self->n);
            measures_bitset_fill (others);
          }
        measures_bitset_and (others, parts[p]);
      }

  return others;
}

static guint
count_among (MeasuresBitset       *bits,
             const MeasuresBitset *others)
{
  return others != NULL ? measures_bitset_count_and (bits, others) : measures_bitset_count (bits);
}

/* The counts of "Starred" and of each collection, each against every
 * criterion but its own, as the facets are counted. */
static void
count_marks (MeasuresIndex   *self,
             MeasuresLibrary *library,
             MeasuresBitset  *parts[N_PARTS],
             MeasuresResult  *result)
{
  g_autoptr(MeasuresBitset) others = NULL;
  g_autoptr(MeasuresBitset) starred = NULL;

  result->n_collections = library != NULL ? measures_library_get_n_collections (library) : 0;
  result->collection_counts = g_new0 (guint, MAX (result->n_collections, 1));
  if (library == NULL)
    return;

  others = others_than (self, parts, PART_STARRED);
  starred = starred_bits (self, library);
  result->n_starred = count_among (starred, others);

  g_clear_pointer (&others, measures_bitset_free);
  others = others_than (self, parts, PART_COLLECTION);
  for (guint i = 0; i < result->n_collections; i++)
    {
      g_autoptr(MeasuresBitset) bits =
        collection_bits (self, library, measures_library_get_collection (library, i), measures_bitset_new (self->n));

      result->collection_counts[i] = count_among (bits, others);
    }
}

static const guint facet_part[MEASURES_N_FACETS] = {
  [MEASURES_FACET_COUNTRY] = PART_PLACE,
  [MEASURES_FACET_REGION] = PART_PLACE,
  [MEASURES_FACET_TYPE] = PART_TYPE,
  [MEASURES_FACET_FORM] = PART_FORM,
};

/**
 * measures_index_evaluate:
 * @self: an index
 * @query: what the user is looking for
 *
 * Finds the measures that meet @query, by the rules of
 * measures_query_matches(), and the count of every facet value.
 *
 * Returns: (transfer full): the result
 */
MeasuresResult *
measures_index_evaluate (MeasuresIndex *self,
                         MeasuresQuery *query)
{
  MeasuresResult *result;
  MeasuresBitset *parts[N_PARTS] = { NULL, };
  const char * const *words;
  const char * const *collections;
  MeasuresLibrary *library;
  gboolean notes;
  g_autoptr(MeasuresBitset) others = NULL;
  g_autoptr(GHashTable) used_words = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (MEASURES_IS_INDEX (self), NULL);
  g_return_val_if_fail (MEASURES_IS_QUERY (query), NULL);

  if (measures_query_get_values (query, MEASURES_FACET_COUNTRY)[0] != NULL ||
      measures_query_get_values (query, MEASURES_FACET_REGION)[0] != NULL)
    {
      parts[PART_PLACE] = measures_bitset_new (self->n);
      facet_bits (self, MEASURES_FACET_COUNTRY,
                  measures_query_get_values (query, MEASURES_FACET_COUNTRY), parts[PART_PLACE]);
      facet_bits (self, MEASURES_FACET_REGION,
                  measures_query_get_values (query, MEASURES_FACET_REGION), parts[PART_PLACE]);
    }

  if (measures_query_has_years (query))
    {
      int from, to;

      measures_query_get_years (query, &from, &to);
      parts[PART_YEARS] = measures_bitset_new (self->n);
      for (guint i = 0; i < self->n; i++)
        if (measures_period_overlaps (self->year_from[i], self->year_to[i], from, to))
          measures_bitset_set (parts[PART_YEARS], i);
    }

  if (measures_query_get_values (query, MEASURES_FACET_TYPE)[0] != NULL)
    parts[PART_TYPE] = facet_bits (self, MEASURES_FACET_TYPE,
                                   measures_query_get_values (query, MEASURES_FACET_TYPE),
                                   measures_bitset_new (self->n));

  if (measures_query_get_values (query, MEASURES_FACET_FORM)[0] != NULL)
    parts[PART_FORM] = facet_bits (self, MEASURES_FACET_FORM,
                                   measures_query_get_values (query, MEASURES_FACET_FORM),
                                   measures_bitset_new (self->n));

  library = measures_query_get_library (query);
  if (measures_query_get_starred (query))
    parts[PART_STARRED] = library != NULL ? starred_bits (self, library) : measures_bitset_new (self->n);

  collections = measures_query_get_collections (query);
  if (collections[0] != NULL)
    {
      parts[PART_COLLECTION] = measures_bitset_new (self->n);
      for (guint i = 0; library != NULL && collections[i] != NULL; i++)
        collection_bits (self, library, collections[i], parts[PART_COLLECTION]);
    }

  /* Each word is in the measure's own text or in its note; or, for a
   * search of notes alone, in its note. */
  words = measures_query_get_search_words (query);
  used_words = g_hash_table_new (g_str_hash, g_str_equal);
  notes = library != NULL && measures_library_get_n_notes (library) > 0;
  if (words[0] != NULL)
    {
      parts[PART_SEARCH] = measures_bitset_new (self->n);
      if (!measures_query_get_notes_only (query) || notes)
        measures_bitset_fill (parts[PART_SEARCH]);
      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autoptr(MeasuresBitset) in_notes = notes ? note_bits (self, library, words[i]) : NULL;

          if (measures_query_get_notes_only (query))
            {
              if (in_notes != NULL)
                measures_bitset_and (parts[PART_SEARCH], in_notes);
              continue;
            }
          if (in_notes != NULL)
            {
              measures_bitset_or (in_notes, word_bits (self, words[i]));
              measures_bitset_and (parts[PART_SEARCH], in_notes);
            }
          else
            measures_bitset_and (parts[PART_SEARCH], word_bits (self, words[i]));
          g_hash_table_add (used_words, (gpointer) words[i]);
        }
    }

  /* Keep only the words of this query for the next keystroke. */
  g_hash_table_iter_init (&iter, self->word_cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (used_words, key))
      g_hash_table_iter_remove (&iter);

  result = g_new0 (MeasuresResult, 1);
  result->matches = measures_bitset_new (self->n);
  measures_bitset_fill (result->matches);
  for (guint p = 0; p < N_PARTS; p++)
    if (parts[p] != NULL)
      measures_bitset_and (result->matches, parts[p]);
  result->n_matches = measures_bitset_count (result->matches);

  /* Each facet is counted against every criterion but its own. */
  others = measures_bitset_new (self->n);
  for (guint facet = 0; facet < MEASURES_N_FACETS; facet++)
    {
      GArray *values = self->facets[facet].values;
      gboolean constrained = FALSE;

      measures_bitset_fill (others);
      for (guint p = 0; p < N_PARTS; p++)
        if (p != facet_part[facet] && parts[p] != NULL)
          {
            measures_bitset_and (others, parts[p]);
            constrained = TRUE;
          }

      result->counts[facet] = g_new0 (guint, MAX (values->len, 1));
      for (guint v = 0; v < values->len; v++)
        {
          const MeasuresBitset *bits = g_array_index (values, FacetValue, v).bits;

          result->counts[facet][v] = constrained ? measures_bitset_count_and (bits, others)
                                                 : measures_bitset_count (bits);
        }
    }

  count_marks (self, library, parts, result);

  for (guint p = 0; p < N_PARTS; p++)
    measures_bitset_free (parts[p]);

  return result;
}

/**
 * measures_index_forget_orders:
 *
 * Drops the sort orders made so far, after the content language or the
 * locale changed what they sort by.
 */
void
measures_index_forget_orders (MeasuresIndex *self)
{
  g_return_if_fail (MEASURES_IS_INDEX (self));

  _measures_index_orders_forget (self->orders);
}

/**
 * measures_index_prepare_orders:
 *
 * Makes the orders by title and by country ahead of time, so that the
 * first sort by them costs nothing; call it from another thread once the
 * measures are shown.
 */
void
measures_index_prepare_orders (MeasuresIndex *self)
{
  g_return_if_fail (MEASURES_IS_INDEX (self));

  measures_index_get_order (self, MEASURES_SORT_TITLE, FALSE);
  measures_index_get_order (self, MEASURES_SORT_COUNTRY, FALSE);
}

/**
 * measures_index_get_order:
 * @self: an index
 * @sort: what to sort by
 * @descending: whether to sort from the end
 *
 * Titles and countries sort with the collation of the current locale,
 * so in Romanian "ș" comes after "s". Keys are made once per measure
 * and the order is kept, so asking again costs nothing.
 *
 * Returns: (array): the positions of all measures, in order
 */
const guint *
measures_index_get_order (MeasuresIndex *self,
                          MeasuresSort   sort,
                          gboolean       descending)
{
  g_return_val_if_fail (MEASURES_IS_INDEX (self), NULL);
  g_return_val_if_fail (sort < MEASURES_N_SORTS, NULL);

  return _measures_index_orders_get (self->orders, sort, descending);
}

/**
 * measures_index_find_ids:
 * @ids: (array zero-terminated=1): ids of measures, such as a
 *   collection's
 *
 * Returns: (transfer full): the positions of the measures with those
 *   ids; ids no measure has are passed over
 */
MeasuresBitset *
measures_index_find_ids (MeasuresIndex      *self,
                         const char * const *ids)
{
  g_return_val_if_fail (MEASURES_IS_INDEX (self), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  return ids_bits (self, ids, measures_bitset_new (self->n));
}
