/* measures-measure.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-measure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-error.h"
#include "measures-measure.h"
#include "measures-measure-private.h"
#include "measures-store.h"
#include "measures-text.h"
#include "measures-vocabulary.h"

/* One measure: a law, policy, strategy, service or campaign. Records are
 * immutable once built; keys this version does not know are kept as they
 * were read and written back out after the known ones.
 */
struct _MeasuresMeasure
{
  GObject parent_instance;

  /* Every string lives in @strings, shared by the records of one load. */
  MeasuresStrings *strings;
  const char *id;
  const char *country;
  const char *region;        /* as the record gives it */
  const char *known_region;  /* of its country, when Measures knows it */
  const char *url;
  int year_from;
  int year_to;
  const char **types;        /* both in one block: types, NULL, forms, NULL */
  const char **forms;
  MeasuresLocalized *title;
  MeasuresLocalized *description;
  MeasuresLocalized *full_text;
  MeasuresLocalized *source;
  MeasuresLocalized *more_info;
  MeasuresLocalized *classification;
  gboolean title_derived;

  /* Unknown keys, in the order they were read; or, from a cache, their
   * JSON text there (in @strings), checked, read into @extra when first
   * asked for. */
  JsonObject *extra;
  const char *extra_text;
  MeasuresExtraParser parse_extra;

  /* The folded words of its own texts, as ids in @words, made once by
   * the loader until its dataset's word index is made from them; then
   * the word index, shared by the dataset's records, and its number in
   * it. The index of a catalog never folds text. */
  guint n_word_ids;
  gsize n_word_bytes;
  guint8 *word_ids;             /* packed, see measures_words_unpack() */
  MeasuresWords *words;
  MeasuresWordIndex *word_index;
  GDestroyNotify word_index_unref;
  guint word_ordinal;
};

G_DEFINE_FINAL_TYPE (MeasuresMeasure, measures_measure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_COUNTRY,
  PROP_REGION,
  PROP_YEAR_FROM,
  PROP_YEAR_TO,
  PROP_TYPES,
  PROP_FORMS,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_SOURCE,
  PROP_MORE_INFO,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
forget_words (MeasuresMeasure *self)
{
  g_clear_pointer (&self->word_ids, g_free);
  self->n_word_ids = 0;
  self->n_word_bytes = 0;
  g_clear_pointer (&self->words, measures_words_unref);
}

static void
measures_measure_finalize (GObject *object)
{
  MeasuresMeasure *self = (MeasuresMeasure *)object;

  g_free (self->types);
  g_clear_pointer (&self->title, measures_localized_unref);
  g_clear_pointer (&self->description, measures_localized_unref);
  g_clear_pointer (&self->full_text, measures_localized_unref);
  g_clear_pointer (&self->source, measures_localized_unref);
  g_clear_pointer (&self->more_info, measures_localized_unref);
  g_clear_pointer (&self->classification, measures_localized_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  forget_words (self);
  if (self->word_index != NULL)
    self->word_index_unref (self->word_index);
  g_clear_pointer (&self->strings, measures_strings_unref);

  G_OBJECT_CLASS (measures_measure_parent_class)->finalize (object);
}

static void
measures_measure_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MeasuresMeasure *self = MEASURES_MEASURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, measures_measure_get_id (self));
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, measures_measure_get_country (self));
      break;
    case PROP_REGION:
      g_value_set_string (value, measures_measure_get_region (self));
      break;
    case PROP_YEAR_FROM:
      g_value_set_int (value, measures_measure_get_year_from (self));
      break;
    case PROP_YEAR_TO:
      g_value_set_int (value, measures_measure_get_year_to (self));
      break;
    case PROP_TYPES:
      g_value_set_boxed (value, measures_measure_get_types (self));
      break;
    case PROP_FORMS:
      g_value_set_boxed (value, measures_measure_get_forms (self));
      break;
    case PROP_TITLE:
      g_value_set_boxed (value, measures_measure_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_boxed (value, measures_measure_get_description (self));
      break;
    case PROP_SOURCE:
      g_value_set_boxed (value, measures_measure_get_source (self));
      break;
    case PROP_MORE_INFO:
      g_value_set_boxed (value, measures_measure_get_more_info (self));
      break;
    case PROP_URL:
      g_value_set_string (value, measures_measure_get_url (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_measure_class_init (MeasuresMeasureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = measures_measure_finalize;
  object_class->get_property = measures_measure_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, flags);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_YEAR_FROM] =
    g_param_spec_int ("year-from", NULL, NULL,
                      MEASURES_YEAR_NONE, MEASURES_YEAR_MAX, MEASURES_YEAR_NONE, flags);
  properties[PROP_YEAR_TO] =
    g_param_spec_int ("year-to", NULL, NULL,
                      MEASURES_YEAR_NONE, MEASURES_YEAR_MAX, MEASURES_YEAR_NONE, flags);
  properties[PROP_TYPES] = g_param_spec_boxed ("types", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_FORMS] = g_param_spec_boxed ("forms", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_TITLE] =
    g_param_spec_boxed ("title", NULL, NULL, MEASURES_TYPE_LOCALIZED, flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_boxed ("description", NULL, NULL, MEASURES_TYPE_LOCALIZED, flags);
  properties[PROP_SOURCE] =
    g_param_spec_boxed ("source", NULL, NULL, MEASURES_TYPE_LOCALIZED, flags);
  properties[PROP_MORE_INFO] =
    g_param_spec_boxed ("more-info", NULL, NULL, MEASURES_TYPE_LOCALIZED, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
measures_measure_init (MeasuresMeasure *self)
{
}

/* A vocabulary value, as written and as labelled in the UI language. */
static void
append_value (GString       *out,
              MeasuresFacet  facet,
              const char    *value)
{
  g_autofree char *label = NULL;

  if (value == NULL)
    return;

  label = measures_vocabulary_label (facet, value);
  g_string_append_printf (out, "\n%s", value);
  if (!g_str_equal (label, value))
    g_string_append_printf (out, "\n%s", label);
}

static void
append_localized_words (GString                 *out,
                        const MeasuresLocalized *localized)
{
  if (localized == NULL)
    return;

  for (guint i = 0; i < measures_localized_get_n_langs (localized); i++)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, measures_localized_get_text (localized, i));
    }
}

/* The searchable text holds every language the record carries, and its
 * country, region, types and forms in English and in the UI language.
 * The year is not searched. The index keeps the record's own words, made
 * once (measures_measure_index_words()), and adds the words of the
 * labels itself, since those follow the UI language.
 */
static void
append_own_texts (GString         *text,
                  MeasuresMeasure *self)
{
  append_localized_words (text, self->title);
  append_localized_words (text, self->description);
  append_localized_words (text, self->full_text);
  append_localized_words (text, self->source);
  append_localized_words (text, self->more_info);
  append_localized_words (text, self->classification);
}

/**
 * measures_measure_dup_search_text:
 * @self: a measure
 *
 * Folds the whole searchable text of @self. The index does not need it;
 * the plain rules of measures_query_matches() do.
 *
 * Returns: (transfer full): folded words separated by spaces
 */
char *
measures_measure_dup_search_text (MeasuresMeasure *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  append_value (text, MEASURES_FACET_COUNTRY, self->country);
  append_value (text, MEASURES_FACET_REGION, measures_measure_get_region (self));
  for (guint i = 0; self->types[i] != NULL; i++)
    append_value (text, MEASURES_FACET_TYPE, self->types[i]);
  for (guint i = 0; self->forms[i] != NULL; i++)
    append_value (text, MEASURES_FACET_FORM, self->forms[i]);
  append_own_texts (text, self);

  return measures_fold_words (text->str);
}

/**
 * measures_measure_dup_own_words:
 * @self: a measure
 *
 * Returns: (transfer full): the folded words of the record's own texts,
 *   separated by spaces, as measures_measure_index_words() keeps them
 */
char *
measures_measure_dup_own_words (MeasuresMeasure *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  append_own_texts (text, self);

  return measures_fold_words (text->str);
}

/**
 * measures_measure_index_words:
 * @self: a measure
 * @words: the vocabulary to add the words of its own texts to
 *
 * Folds the record's own texts (every language of its title, description,
 * full text, source, further information and classification) once and keeps their words
 * as ids in @words. Call it from the thread that fills @words.
 */
void
measures_measure_index_words (MeasuresMeasure *self,
                              MeasuresWords   *words)
{
  const MeasuresLocalized *localized[] = {
    self->title, self->description, self->full_text, self->source, self->more_info,
    self->classification,
  };
  const char *some[32];
  g_autofree const char **many = NULL;
  const char **texts = some;
  guint n = 0;

  g_return_if_fail (MEASURES_IS_MEASURE (self));
  g_return_if_fail (words != NULL);

  /* The texts in the order measures_measure_dup_own_words() joins them. */
  for (guint i = 0; i < G_N_ELEMENTS (localized); i++)
    n += localized[i] != NULL ? measures_localized_get_n_langs (localized[i]) : 0;
  if (n > G_N_ELEMENTS (some))
    texts = many = g_new (const char *, n);
  n = 0;
  for (guint i = 0; i < G_N_ELEMENTS (localized); i++)
    for (guint k = 0; localized[i] != NULL && k < measures_localized_get_n_langs (localized[i]); k++)
      texts[n++] = measures_localized_get_text (localized[i], k);

  forget_words (self);
  self->word_ids = measures_words_collect_texts_packed (words, texts, n, &self->n_word_ids, &self->n_word_bytes);
  self->words = measures_words_ref (words);
}

/**
 * measures_measure_forget_words:
 *
 * Drops the ids of the record's words once its word index has them; an
 * index made later without one folds the text again.
 */
void
measures_measure_forget_words (MeasuresMeasure *self)
{
  g_return_if_fail (MEASURES_IS_MEASURE (self));

  forget_words (self);
}

/**
 * _measures_measure_set_word_index:
 * @word_index: (transfer full) (nullable): the word index of the record's
 *   dataset
 * @unref: what lets go of @word_index: the record knows nothing more of it
 * @ordinal: the record's number in it
 *
 * Keeps where the record's words are indexed, and drops their ids.
 */
void
_measures_measure_set_word_index (MeasuresMeasure   *self,
                                  MeasuresWordIndex *word_index,
                                  GDestroyNotify     unref,
                                  guint              ordinal)
{
  g_return_if_fail (MEASURES_IS_MEASURE (self));
  g_return_if_fail (word_index == NULL || unref != NULL);

  forget_words (self);
  if (self->word_index != NULL)
    self->word_index_unref (self->word_index);
  self->word_index = word_index;
  self->word_index_unref = unref;
  self->word_ordinal = ordinal;
}

/**
 * _measures_measure_get_word_index:
 * @ordinal: (out): the record's number in it
 *
 * Returns: (nullable) (transfer none): the word index of the record's
 *   dataset, if it has one
 */
MeasuresWordIndex *
_measures_measure_get_word_index (MeasuresMeasure *self,
                                  guint           *ordinal)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  *ordinal = self->word_ordinal;

  return self->word_index;
}

/**
 * measures_measure_get_word_ids:
 * @n_ids: (out): how many
 * @n_bytes: (out): how many bytes they take, packed
 * @words: (out) (transfer none) (nullable): the vocabulary of the ids
 *
 * Returns: (array length=n_bytes) (nullable): the ids of the words of
 *   the record's own texts, packed (see measures_words_unpack()), or
 *   %NULL if they were never made
 */
const guint8 *
measures_measure_get_word_ids (MeasuresMeasure  *self,
                               guint            *n_ids,
                               gsize            *n_bytes,
                               MeasuresWords   **words)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  *n_ids = self->n_word_ids;
  *n_bytes = self->n_word_bytes;
  *words = self->words;

  return self->words != NULL ? self->word_ids : NULL;
}

static char *
slugify (const char *text)
{
  g_autofree char *words = measures_fold_words (text);

  g_strdelimit (words, " ", '-');

  return g_steal_pointer (&words);
}

static char *
derive_id (MeasuresMeasure *self)
{
  g_autofree char *country = NULL;
  g_autofree char *title = NULL;
  const char *any_title;

  if (self->url != NULL)
    return g_strdup (self->url);

  country = slugify (self->country);
  any_title = self->title != NULL ? measures_localized_resolve (self->title, NULL, NULL) : NULL;
  title = slugify (any_title != NULL ? any_title : "");

  if (self->year_from != MEASURES_YEAR_NONE)
    return g_strdup_printf ("%s/%d/%s", country, self->year_from, title);

  return g_strdup_printf ("%s/na/%s", country, title);
}

/**
 * _measures_measure_new_from_fields:
 * @strings: where to keep the record's strings
 * @fields: what a record holds, read and checked; its localized texts
 *   and unknown keys are taken (their pointers set to %NULL), its strings
 *   copied
 *
 * The part of measures_measure_new_from_json_in() after every key is
 * read, which the loader's own reader of plain records shares.
 *
 * Returns: (transfer full) (nullable): the measure, or %NULL with @error
 *   set when it has no country one can see
 */
MeasuresMeasure *
_measures_measure_new_from_fields (MeasuresStrings       *strings,
                                   MeasuresMeasureFields *fields,
                                   GError               **error)
{
  g_autoptr(MeasuresMeasure) self = NULL;
  guint n_types = fields->types->len, n_forms = fields->forms->len;

  if (fields->country == NULL)
    {
      g_set_error_literal (error, MEASURES_ERROR, MEASURES_ERROR_MISSING_FIELD,
                           _("“country” is missing"));
      return NULL;
    }

  /* A country no one can see would be a place of its own in the sidebar,
   * with no name. */
  if (measures_text_is_blank (fields->country))
    {
      g_set_error_literal (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                           _("“country” holds only spaces or invisible characters"));
      return NULL;
    }

  self = g_object_new (MEASURES_TYPE_MEASURE, NULL);
  self->strings = measures_strings_ref (strings);
  self->year_from = fields->year_from;
  self->year_to = fields->year_to;
  self->title = g_steal_pointer (&fields->texts[0]);
  self->description = g_steal_pointer (&fields->texts[1]);
  self->full_text = g_steal_pointer (&fields->texts[2]);
  self->source = g_steal_pointer (&fields->texts[3]);
  self->more_info = g_steal_pointer (&fields->texts[4]);
  self->classification = g_steal_pointer (&fields->texts[5]);
  self->title_derived = fields->title_derived;
  self->extra = g_steal_pointer (&fields->extra);

  self->country = measures_strings_intern (strings, fields->country);
  self->region = measures_strings_intern (strings, fields->region);
  self->known_region = measures_vocabulary_region_of (fields->country);
  self->url = measures_strings_add (strings, fields->url);
  self->types = g_new (const char *, n_types + n_forms + 2);
  for (guint i = 0; i < n_types; i++)
    self->types[i] = measures_strings_intern (strings, g_ptr_array_index (fields->types, i));
  self->types[n_types] = NULL;
  self->forms = self->types + n_types + 1;
  for (guint i = 0; i < n_forms; i++)
    self->forms[i] = measures_strings_intern (strings, g_ptr_array_index (fields->forms, i));
  self->forms[n_forms] = NULL;

  if (fields->id != NULL)
    self->id = measures_strings_add (strings, fields->id);
  else
    {
      g_autofree char *derived = derive_id (self);

      self->id = measures_strings_add (strings, derived);
    }

  return g_steal_pointer (&self);
}

static void
set_strv_member (JsonObject         *object,
                 const char         *key,
                 const char * const *values)
{
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);

  json_object_set_array_member (object, key, g_steal_pointer (&array));
}

/**
 * measures_measure_to_json:
 * @self: a measure
 *
 * Writes the record in the measures-1 format: known keys in a fixed
 * order, the year as an object, then unknown keys as they were read.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
measures_measure_to_json (MeasuresMeasure *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObject *extra;
  const struct {
    const char *key;
    MeasuresLocalized *value;
  } texts[] = {
    { "title", self->title },
    { "description", self->description },
    { "full_text", self->full_text },
    { "source", self->source },
    { "more_info", self->more_info },
    { "classification", self->classification },
  };

  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "country", self->country);
  if (self->region != NULL)
    json_object_set_string_member (object, "region", self->region);

  if (self->year_from != MEASURES_YEAR_NONE)
    {
      g_autoptr(JsonObject) year = json_object_new ();

      json_object_set_int_member (year, "from", self->year_from);
      if (self->year_to != MEASURES_YEAR_NONE)
        json_object_set_int_member (year, "to", self->year_to);
      json_object_set_object_member (object, "year", g_steal_pointer (&year));
    }

  if (self->types[0] != NULL)
    set_strv_member (object, "types", (const char * const *) self->types);
  if (self->forms[0] != NULL)
    set_strv_member (object, "forms", (const char * const *) self->forms);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i].value != NULL)
      json_object_set_member (object, texts[i].key, measures_localized_to_json (texts[i].value));

  if (self->url != NULL)
    json_object_set_string_member (object, "url", self->url);
  if (self->title_derived)
    json_object_set_boolean_member (object, "title_derived", TRUE);

  if ((extra = measures_measure_get_extra (self)) != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (extra);

      for (const GList *l = members; l != NULL; l = l->next)
        json_object_set_member (object, l->data,
                                json_node_copy (json_object_get_member (extra, l->data)));
    }

  return json_node_init_object (json_node_alloc (), object);
}

const char *
measures_measure_get_id (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return self->id;
}

const char *
measures_measure_get_country (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return self->country;
}

/**
 * measures_measure_get_region:
 *
 * Returns: (nullable): the region, such as "Europe": the one the record
 *   gives, otherwise the Global Database's region of its country when
 *   Measures knows the country
 */
const char *
measures_measure_get_region (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return self->region != NULL ? self->region : self->known_region;
}

/**
 * measures_measure_get_given_region:
 *
 * Returns: (nullable): the region the record itself gives, as it is
 *   written back
 */
const char *
measures_measure_get_given_region (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return self->region;
}

/**
 * measures_measure_get_year_from:
 *
 * Returns: the first year, or %MEASURES_YEAR_NONE when the record has none
 */
int
measures_measure_get_year_from (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), MEASURES_YEAR_NONE);

  return self->year_from;
}

/**
 * measures_measure_get_year_to:
 *
 * Returns: the last year; %MEASURES_YEAR_NONE with a first year means
 *   the period is open-ended
 */
int
measures_measure_get_year_to (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), MEASURES_YEAR_NONE);

  return self->year_to;
}

char *
measures_measure_dup_years_label (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return measures_format_period (self->year_from, self->year_to);
}

const char * const *
measures_measure_get_types (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return (const char * const *) self->types;
}

const char * const *
measures_measure_get_forms (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return (const char * const *) self->forms;
}

/**
 * measures_measure_get_title:
 *
 * Returns: (nullable) (transfer none): the title in each language
 */
MeasuresLocalized *
measures_measure_get_title (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return self->title;
}

MeasuresLocalized *
measures_measure_get_description (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return self->description;
}

MeasuresLocalized *
measures_measure_get_source (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return self->source;
}

MeasuresLocalized *
measures_measure_get_more_info (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return self->more_info;
}

/**
 * measures_measure_get_classification:
 *
 * Returns: (nullable): who gave the record its types of measure and forms
 *   of violence, and on what grounds, when the Global Database did not
 */
MeasuresLocalized *
measures_measure_get_classification (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return self->classification;
}

/**
 * measures_measure_get_full_text:
 *
 * Returns: (nullable): the title of the full document, when the record
 *   names it
 */
MeasuresLocalized *
measures_measure_get_full_text (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return self->full_text;
}

/**
 * measures_measure_get_title_derived:
 *
 * Returns: whether the title was made from the description by an
 *   importer rather than given by the source
 */
gboolean
measures_measure_get_title_derived (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), FALSE);

  return self->title_derived;
}

const char *
measures_measure_get_url (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  return self->url;
}

/**
 * measures_measure_resolve_title:
 * @self: a measure
 * @langs: (nullable): wanted languages, best first
 *
 * Returns: the title to show; a record without a title shows its id
 */
const char *
measures_measure_resolve_title (MeasuresMeasure    *self,
                                const char * const *langs)
{
  const char *title = NULL;

  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  if (self->title != NULL)
    title = measures_localized_resolve (self->title, langs, NULL);

  return title != NULL ? title : self->id;
}

/**
 * measures_measure_new_from_parts:
 * @strings: keeps every string below alive
 * @known_region: (nullable): the region of @country, as
 *   measures_vocabulary_region_of() gives it
 * @values: (transfer full): a block of the types, %NULL, the forms, %NULL
 * @n_types: how many types come first in @values
 * @texts: (transfer full) (array fixed-size=6) (element-type MeasuresLocalized):
 *   title, description, full text, source, more information and
 *   classification, each nullable
 * @extra: (transfer full) (nullable): unknown keys
 *
 * Builds a measure from parts a cache checked, borrowing its strings.
 *
 * Returns: (transfer full): the measure
 */
MeasuresMeasure *
measures_measure_new_from_parts (MeasuresStrings    *strings,
                                 const char         *id,
                                 const char         *country,
                                 const char         *known_region,
                                 const char         *region,
                                 const char         *url,
                                 int                 year_from,
                                 int                 year_to,
                                 const char        **values,
                                 guint               n_types,
                                 MeasuresLocalized **texts,
                                 gboolean            title_derived,
                                 JsonObject         *extra)
{
  MeasuresMeasure *self = g_object_new (MEASURES_TYPE_MEASURE, NULL);

  self->strings = measures_strings_ref (strings);
  self->id = id;
  self->country = country;
  self->region = region;
  self->known_region = known_region;
  self->url = url;
  self->year_from = year_from;
  self->year_to = year_to;
  self->types = values;
  self->forms = values + n_types + 1;
  self->title = texts[0];
  self->description = texts[1];
  self->full_text = texts[2];
  self->source = texts[3];
  self->more_info = texts[4];
  self->classification = texts[5];
  self->title_derived = title_derived;
  self->extra = extra;

  return self;
}

/**
 * measures_measure_get_extra:
 *
 * Returns: (transfer none) (nullable): the keys this version does not know
 */
JsonObject *
measures_measure_get_extra (MeasuresMeasure *self)
{
  JsonObject *extra;

  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  extra = g_atomic_pointer_get (&self->extra);
  if (extra != NULL || self->extra_text == NULL)
    return extra;

  /* Read once, whichever thread asks first. */
  extra = self->parse_extra (self->extra_text);
  if (extra != NULL && !g_atomic_pointer_compare_and_exchange (&self->extra, NULL, extra))
    {
      json_object_unref (extra);
      extra = g_atomic_pointer_get (&self->extra);
    }

  return extra;
}

/*
 * _measures_measure_set_extra_text:
 * @text: the unknown keys as a JSON object, in the measure's strings,
 *   checked: @parse reads it
 *
 * For a cache: the unknown keys are read when first asked for, not with
 * every record. Only before the measure is given to anyone.
 */
void
_measures_measure_set_extra_text (MeasuresMeasure     *self,
                                  const char          *text,
                                  MeasuresExtraParser  parse)
{
  g_return_if_fail (MEASURES_IS_MEASURE (self));
  g_return_if_fail (self->extra == NULL);

  self->extra_text = text;
  self->parse_extra = parse;
}

/**
 * measures_measure_list_to_json:
 * @measures: (element-type MeasuresMeasure): the measures to write
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): a measures-1 dataset as indented JSON
 */
char *
measures_measure_list_to_json (GPtrArray *measures,
                               gsize     *length)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonArray) records = json_array_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < measures->len; i++)
    json_array_add_element (records, measures_measure_to_json (g_ptr_array_index (measures, i)));

  json_object_set_string_member (root, "format", MEASURES_FORMAT);
  json_object_set_array_member (root, "measures", g_steal_pointer (&records));
  node = json_node_init_object (json_node_alloc (), root);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, length);
}
