/* measures-summary.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-summary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-summary.h"
#include "measures-text.h"
#include "measures-vocabulary.h"

/* A summary of one measure or of everything that matches: a cover with
 * the filters, two charts and the counts, a table of contents, then each
 * measure in full. It is built here once, in one language, as a flat list
 * of blocks; the PDF and the print (measures-pages.c), HTML and Markdown
 * (measures-writer.c) each walk the list, so that they say the same.
 *
 * The cover is made at once; each measure's blocks only when a writer
 * asks for them (measures_summary_dup_part()), so that a summary of
 * 100,000 measures never holds the text of all of them twice.
 *
 *   heading 1      title
 *   paragraph      subtitle, date · count
 *   heading 2      map title        ┐ when asked for: the world map
 *   map                             ┘ on the cover
 *   heading 2      chart title      ┐ several measures: the charts,
 *   chart                           │ the counts by form and by type
 *   heading 2      "Measures by …"  │ and the contents
 *   table          counts           │
 *   heading 2      matrix title     │ when asked for: the coverage
 *   matrix                          │ matrix, as a table
 *   heading 2      "Contents"       │
 *   table          title, country, years, types (rows link to measures)
 *   for each measure:
 *     page break   (the measure's number)
 *     heading 3    its title (several measures only)
 *     paragraph    note: shown in English
 *     fields       country, region, years, types, forms
 *     heading 4    "Description", then paragraphs and list items
 *     fields       source, more information, address
 *
 * A field the record lacks stays in the list without a value, so that
 * every writer sees the same tables; writers show only fields with one.
 * Groups are numbered within a measure: a page break separates them. */

/* The timeline on a summary's cover shows at most this many rows. */
#define COVER_TIMELINE_ROWS 12

/* Every word of a summary's own, looked up in the summary's language,
 * which need not be the interface's. */
typedef enum
{
  WORD_TITLE_ALL,
  WORD_SUBTITLE_ALL,
  WORD_BY_FORM,
  WORD_BY_TYPE,
  WORD_CONTENTS,
  WORD_TITLE,
  WORD_COUNTRY,
  WORD_REGION,
  WORD_YEARS,
  WORD_TYPE,
  WORD_FORM,
  WORD_DESCRIPTION,
  WORD_SOURCE,
  WORD_MORE_INFO,
  WORD_ADDRESS,
  WORD_IN_ENGLISH,
  WORD_OR,
  WORD_AUTHOR,
  WORD_MATRIX_NONE,
  WORD_MATRIX_ZERO,
  N_WORDS
} Word;

static const char * const words[N_WORDS] = {
  /* Translators: the title of a summary of several measures */
  [WORD_TITLE_ALL] = N_("Measures against Violence against Women"),
  /* Translators: the subtitle of a summary made without filters */
  [WORD_SUBTITLE_ALL] = N_("All measures"),
  [WORD_BY_FORM] = N_("Measures by Form of Violence"),
  [WORD_BY_TYPE] = N_("Measures by Type of Measure"),
  [WORD_CONTENTS] = N_("Contents"),
  [WORD_TITLE] = N_("Title"),
  [WORD_COUNTRY] = N_("Country"),
  [WORD_REGION] = N_("Region"),
  [WORD_YEARS] = N_("Years"),
  [WORD_TYPE] = N_("Type of Measure"),
  [WORD_FORM] = N_("Form of Violence"),
  [WORD_DESCRIPTION] = N_("Description"),
  [WORD_SOURCE] = N_("Source of Information"),
  [WORD_MORE_INFO] = N_("More Information"),
  [WORD_ADDRESS] = N_("Address"),
  [WORD_IN_ENGLISH] = N_("Shown in English: the record has no text in this language."),
  /* Translators: joins the values chosen in one filter, "Romania or Moldova" */
  [WORD_OR] = N_(" or "),
  [WORD_AUTHOR] = N_("Measures"),
  /* Translators: under the coverage matrix of a summary: what a cell
   * showing a dash means */
  [WORD_MATRIX_NONE] = N_("–: the data has no such measure of the country"),
  /* Translators: under the coverage matrix of a summary: what a cell
   * showing 0 means */
  [WORD_MATRIX_ZERO] = N_("0: none of them matches the filters"),
};

static const char * const months[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

static const char *
tr (MeasuresSummary *self,
    Word             word)
{
  return measures_translations_get (self->translations, NULL, words[word]);
}

/* The words with a number are each in a function of their own (the
 * page's is measures_summary_dup_page_label()), so that the compiler
 * checks their formats. */
static char *
since_year (MeasuresSummary *self,
            int              year)
{
  /* Translators: a range of years with no end */
  return g_strdup_printf (measures_translations_get (self->translations, NULL, N_("since %d")), year);
}

static char *
until_year (MeasuresSummary *self,
            int              year)
{
  /* Translators: a range of years with no start */
  return g_strdup_printf (measures_translations_get (self->translations, NULL, N_("until %d")), year);
}

static char *
count_measures (MeasuresSummary *self,
                guint            n)
{
  g_autofree char *count = measures_text_format_count (n);

  /* The plural of the window's subtitle, "11 measures". */
  return g_strdup_printf (measures_translations_nget (self->translations, "%s measure", "%s measures", n), count);
}

/* One measure, with every field ready to show in the summary's language,
 * while the blocks are made. A text the record lacks in that language
 * comes in English, and its *_fallback flag says so. */
typedef struct
{
  MeasuresMeasure *measure;
  char *title;
  gboolean title_fallback;
  char *country;
  char *region;
  char *years;
  GStrv types;
  GStrv forms;
  GPtrArray *description;     /* MeasuresBlock */
  gboolean description_fallback;
  char *source;
  char *more_info;
  char *url;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->measure);
  g_free (entry->title);
  g_free (entry->country);
  g_free (entry->region);
  g_free (entry->years);
  g_strfreev (entry->types);
  g_strfreev (entry->forms);
  g_clear_pointer (&entry->description, g_ptr_array_unref);
  g_free (entry->source);
  g_free (entry->more_info);
  g_free (entry->url);
  g_free (entry);
}

typedef struct
{
  char *label;
  guint count;
} Count;

static void
count_free (gpointer data)
{
  Count *count = data;

  g_free (count->label);
  g_free (count);
}

static void
block_free (gpointer data)
{
  MeasuresSummaryBlock *block = data;

  g_free (block->text);
  g_free (block->label);
  g_strfreev (block->values);
  g_free (block->link);
  g_strfreev (block->header);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

void
measures_summary_free (MeasuresSummary *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->overview, measures_overview_free);
  g_clear_pointer (&self->coverage, measures_coverage_free);
  g_clear_object (&self->coverage_index);
  g_clear_object (&self->index);
  g_clear_pointer (&self->translations, measures_translations_free);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->date);
  g_free (self);
}

/* The text in @lang, else English, else any; *fallback when not @lang. */
static char *
pick (MeasuresLocalized *localized,
      const char        *lang,
      gboolean          *fallback)
{
  const char *langs[] = { lang, "en", NULL };
  const char *found_lang = NULL;
  const char *text;

  if (fallback != NULL)
    *fallback = FALSE;

  if (localized == NULL)
    return NULL;

  text = measures_localized_resolve (localized, langs, &found_lang);
  if (fallback != NULL && found_lang != NULL && *found_lang != '\0' &&
      !measures_language_is (found_lang, lang))
    *fallback = TRUE;

  return g_strdup (text);
}

static GStrv
labels (MeasuresTranslations *translations,
        MeasuresFacet         facet,
        const char * const   *values)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *label = measures_vocabulary_label_in (translations, facet, values[i]);

      g_strv_builder_add (builder, label);
    }

  return g_strv_builder_end (builder);
}

/* The fields of @measure; without @full only those of the cover (the
 * title, country, years, types and forms). */
static Entry *
entry_new (MeasuresSummary *self,
           MeasuresMeasure *measure,
           gboolean         full)
{
  const char *lang = measures_translations_get_lang (self->translations);
  Entry *entry = g_new0 (Entry, 1);
  g_autofree char *description = NULL;

  entry->measure = g_object_ref (measure);
  entry->title = pick (measures_measure_get_title (measure), lang, &entry->title_fallback);
  if (entry->title == NULL)
    entry->title = g_strdup (measures_measure_get_id (measure));
  entry->country = measures_vocabulary_label_in (self->translations, MEASURES_FACET_COUNTRY,
                                                 measures_measure_get_country (measure));
  if (measures_measure_get_region (measure) != NULL)
    entry->region = measures_vocabulary_label_in (self->translations, MEASURES_FACET_REGION,
                                                  measures_measure_get_region (measure));
  if (measures_measure_get_year_from (measure) != MEASURES_YEAR_NONE &&
      measures_measure_get_year_to (measure) == MEASURES_YEAR_NONE)
    entry->years = since_year (self, measures_measure_get_year_from (measure));
  else
    entry->years = measures_measure_dup_years_label (measure);
  entry->types = labels (self->translations, MEASURES_FACET_TYPE, measures_measure_get_types (measure));
  entry->forms = labels (self->translations, MEASURES_FACET_FORM, measures_measure_get_forms (measure));
  if (!full)
    return entry;

  description = pick (measures_measure_get_description (measure), lang, &entry->description_fallback);
  entry->description = measures_text_parse_blocks (description != NULL ? description : "");
  entry->source = pick (measures_measure_get_source (measure), lang, NULL);
  entry->more_info = pick (measures_measure_get_more_info (measure), lang, NULL);
  entry->url = g_strdup (measures_measure_get_url (measure));

  return entry;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const Count *x = *(Count * const *) a;
  const Count *y = *(Count * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;

  return g_utf8_collate (x->label, y->label);
}

static void
add_counts (GHashTable         *table,
            const char * const *values)
{
  for (guint i = 0; values[i] != NULL; i++)
    g_hash_table_insert (table, g_strdup (values[i]),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, values[i])) + 1));
}

/* The filters, described with the summary's own labels. */
static char *
describe_query (MeasuresSummary *self,
                MeasuresQuery   *query)
{
  g_autoptr(GString) text = g_string_new (NULL);
  static const MeasuresFacet order[] = {
    MEASURES_FACET_REGION, MEASURES_FACET_COUNTRY, MEASURES_FACET_TYPE, MEASURES_FACET_FORM,
  };
  int from, to;

  for (guint f = 0; f < G_N_ELEMENTS (order); f++)
    {
      const char * const *chosen = measures_query_get_chosen (query, order[f]);

      for (guint k = 0; chosen[k] != NULL; k++)
        {
          g_autofree char *label = measures_vocabulary_label_in (self->translations, order[f], chosen[k]);

          g_string_append_printf (text, "%s%s", k > 0 ? tr (self, WORD_OR) : (text->len > 0 ? " · " : ""),
                                  label);
        }
    }

  measures_query_get_years (query, &from, &to);
  if (from != MEASURES_YEAR_NONE || to != MEASURES_YEAR_NONE)
    {
      g_autofree char *years = NULL;

      if (from != MEASURES_YEAR_NONE && to != MEASURES_YEAR_NONE)
        years = measures_format_period (from, to);
      else if (from != MEASURES_YEAR_NONE)
        years = since_year (self, from);
      else
        years = until_year (self, to);
      g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", years);
    }

  if (measures_query_get_search_words (query)[0] != NULL)
    {
      g_autofree char *search = g_strstrip (g_strdup (measures_query_get_search (query)));

      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: the words searched for, in the quotation marks of
       * your language */
      g_string_append_printf (text, measures_translations_get (self->translations, NULL, N_("“%s”")), search);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Blocks */

static MeasuresSummaryBlock *
add_block (MeasuresSummary     *self,
           MeasuresSummaryKind  kind,
           const char          *text)
{
  MeasuresSummaryBlock *block = g_new0 (MeasuresSummaryBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (self->filling, block);

  return block;
}

static void
add_heading (MeasuresSummary *self,
             guint            level,
             const char      *text)
{
  add_block (self, MEASURES_SUMMARY_HEADING, text)->level = level;
}

static void
add_paragraph (MeasuresSummary        *self,
               MeasuresParagraphStyle  style,
               const char             *text)
{
  add_block (self, MEASURES_SUMMARY_PARAGRAPH, text)->style = style;
}

/* A field of the table @group; @values may be %NULL or empty. */
static MeasuresSummaryBlock *
add_field (MeasuresSummary    *self,
           guint               group,
           Word                label,
           const char * const *values)
{
  MeasuresSummaryBlock *block = add_block (self, MEASURES_SUMMARY_FIELD, NULL);

  block->group = group;
  block->label = g_strdup (tr (self, label));
  block->values = values != NULL ? g_strdupv ((char **) values) : g_new0 (char *, 1);

  return block;
}

static MeasuresSummaryBlock *
add_text_field (MeasuresSummary *self,
                guint            group,
                Word             label,
                const char      *value)
{
  const char *values[] = { value, NULL };

  return add_field (self, group, label, values);
}

static void
add_chart (MeasuresSummary *self,
           MeasuresChart    chart)
{
  const char *title = measures_chart_get_title (chart, self->translations);

  add_heading (self, 2, title);
  add_block (self, MEASURES_SUMMARY_CHART, title)->chart = chart;
}

/* The figures of the summary's own measures, labelled in its language. */
static void
make_overview (MeasuresSummary *self)
{
  g_autoptr(MeasuresBitset) all = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GPtrArray *measures = self->measures;

  self->index = measures_index_new (measures);
  all = measures_bitset_new (measures->len);
  measures_bitset_fill (all);
  self->overview = measures_overview_new (self->index, all, g_date_time_get_year (now));
  measures_overview_relabel (self->overview, self->index, self->translations);
}

static void
add_counts_table (MeasuresSummary *self,
                  Word             heading,
                  GHashTable      *table)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (count_free);
  MeasuresSummaryBlock *block;
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (table) == 0)
    return;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Count *count = g_new0 (Count, 1);

      count->label = g_strdup (key);
      count->count = GPOINTER_TO_UINT (value);
      g_ptr_array_add (counts, count);
    }
  g_ptr_array_sort (counts, compare_counts);

  add_heading (self, 2, tr (self, heading));
  block = add_block (self, MEASURES_SUMMARY_TABLE, NULL);
  block->counts = TRUE;
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < counts->len; i++)
    {
      const Count *count = g_ptr_array_index (counts, i);
      char **row = g_new0 (char *, 3);

      row[0] = g_strdup (count->label);
      row[1] = g_strdup_printf ("%u", count->count);
      g_ptr_array_add (block->rows, row);
    }
}

/* A row of the contents: title, country, years, types. */
static char **
contents_row (const Entry *entry)
{
  char **row = g_new0 (char *, 5);

  row[0] = g_strdup (entry->title);
  row[1] = g_strdup (entry->country);
  row[2] = g_strdup (entry->years);
  row[3] = g_strjoinv ("; ", entry->types);

  return row;
}

static void
add_contents (MeasuresSummary *self,
              GPtrArray       *rows)
{
  MeasuresSummaryBlock *block;

  add_heading (self, 2, tr (self, WORD_CONTENTS));
  block = add_block (self, MEASURES_SUMMARY_TABLE, NULL);
  block->links = TRUE;
  block->header = g_new0 (char *, 5);
  block->header[0] = g_strdup (tr (self, WORD_TITLE));
  block->header[1] = g_strdup (tr (self, WORD_COUNTRY));
  block->header[2] = g_strdup (tr (self, WORD_YEARS));
  block->header[3] = g_strdup (tr (self, WORD_TYPE));
  block->rows = g_ptr_array_ref (rows);
}

static void
add_entry (MeasuresSummary *self,
           const Entry     *entry,
           guint            number)
{
  guint groups = 0;
  guint first = groups++;
  guint second = groups++;

  add_block (self, MEASURES_SUMMARY_PAGE_BREAK, NULL)->measure = number;
  if (!self->single)
    add_heading (self, 3, entry->title);
  if (entry->title_fallback || entry->description_fallback)
    add_paragraph (self, MEASURES_PARAGRAPH_NOTE, tr (self, WORD_IN_ENGLISH));

  add_text_field (self, first, WORD_COUNTRY, entry->country);
  add_text_field (self, first, WORD_REGION, entry->region);
  add_text_field (self, first, WORD_YEARS, entry->years);
  add_field (self, first, WORD_TYPE, (const char * const *) entry->types);
  add_field (self, first, WORD_FORM, (const char * const *) entry->forms);

  if (entry->description->len > 0)
    add_heading (self, 4, tr (self, WORD_DESCRIPTION));
  for (guint i = 0; i < entry->description->len; i++)
    {
      const MeasuresBlock *part = g_ptr_array_index (entry->description, i);

      if (part->kind == MEASURES_BLOCK_LIST_ITEM)
        {
          /* Lists of different measures never share a group. */
          MeasuresSummaryBlock *item = add_block (self, MEASURES_SUMMARY_LIST_ITEM, part->text);

          item->group = groups + part->list;
        }
      else
        add_paragraph (self, MEASURES_PARAGRAPH_BODY, part->text);
    }

  add_text_field (self, second, WORD_SOURCE, entry->source);
  add_text_field (self, second, WORD_MORE_INFO, entry->more_info);
  add_text_field (self, second, WORD_ADDRESS, entry->url)->link = measures_uri_get_safe (entry->url);
}

/* The figures of the matrix and the map: of the measures in the index
 * they were chosen from, when given, so that "none in the data" is told
 * from "none that matches"; else of the summary's own. */
static void
make_coverage (MeasuresSummary              *self,
               const MeasuresSummaryOptions *options)
{
  g_autoptr(MeasuresBitset) all = NULL;
  const MeasuresBitset *matches = options->matches;

  if (options->index != NULL && options->matches != NULL)
    self->coverage_index = g_object_ref (options->index);
  else
    {
      self->coverage_index = measures_index_new (self->measures);
      all = measures_bitset_new (self->measures->len);
      measures_bitset_fill (all);
      matches = all;
    }

  self->coverage = measures_coverage_new (self->coverage_index, matches, options->by, MEASURES_COVERAGE_SORT_NAME,
                                          self->translations);
  self->zoom = options->zoom;
}

static void
add_map (MeasuresSummary *self)
{
  const char *title = measures_map_get_title (self->translations);

  add_heading (self, 2, title);
  add_block (self, MEASURES_SUMMARY_MAP, title);
}

static void
add_matrix (MeasuresSummary *self)
{
  const char *title = measures_coverage_get_title (self->coverage->by, self->translations);
  g_autoptr(GPtrArray) table = measures_coverage_get_table (self->coverage, self->translations);
  MeasuresSummaryBlock *block;

  add_heading (self, 2, title);
  block = add_block (self, MEASURES_SUMMARY_MATRIX, title);
  block->counts = TRUE;
  block->label = g_strdup_printf ("%s · %s", tr (self, WORD_MATRIX_NONE), tr (self, WORD_MATRIX_ZERO));
  block->header = g_strdupv (g_ptr_array_index (table, 0));
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 1; i < table->len; i++)
    g_ptr_array_add (block->rows, g_strdupv (g_ptr_array_index (table, i)));
}

/**
 * measures_summary_new:
 * @measures: (element-type MeasuresMeasure): the measures, in order
 * @query: (nullable): the filters that chose them, described on the cover
 * @single: whether this is the summary of one measure
 * @lang: the language of the summary, one of measures_languages_get_codes()
 * @date: (nullable): the date on the cover; %NULL for today
 *
 * Returns: (transfer full): the summary, with its charts, counts and
 *   contents
 */
MeasuresSummary *
measures_summary_new (GPtrArray     *measures,
                      MeasuresQuery *query,
                      gboolean       single,
                      const char    *lang,
                      GDateTime     *date)
{
  return measures_summary_new_full (measures, query, single, lang, date, NULL);
}

/**
 * measures_summary_new_full:
 * @measures: (element-type MeasuresMeasure): the measures, in order
 * @query: (nullable): the filters that chose them, described on the cover
 * @single: whether this is the summary of one measure
 * @lang: the language of the summary, one of measures_languages_get_codes()
 * @date: (nullable): the date on the cover; %NULL for today
 * @options: (nullable): what more it carries: the coverage matrix, the
 *   world map; a summary of one measure carries neither
 *
 * Returns: (transfer full): the summary
 */
MeasuresSummary *
measures_summary_new_full (GPtrArray                    *measures,
                           MeasuresQuery                *query,
                           gboolean                      single,
                           const char                   *lang,
                           GDateTime                    *date,
                           const MeasuresSummaryOptions *options)
{
  MeasuresSummaryParts parts = options != NULL && !single ? options->parts : 0;
  MeasuresSummary *self;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) forms = NULL;
  g_autoptr(GHashTable) types = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *count = NULL;
  g_autofree char *line = NULL;

  g_return_val_if_fail (measures != NULL, NULL);

  self = g_new0 (MeasuresSummary, 1);
  self->translations = measures_translations_new (lang != NULL ? lang : "en");
  self->single = single;
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->filling = self->blocks;
  self->author = tr (self, WORD_AUTHOR);
  self->measures = g_ptr_array_new_full (measures->len, g_object_unref);
  for (guint i = 0; i < measures->len; i++)
    g_ptr_array_add (self->measures, g_object_ref (g_ptr_array_index (measures, i)));

  /* What the cover says of the measures: the counts and the contents. */
  rows = g_ptr_array_new_full (measures->len, (GDestroyNotify) g_strfreev);
  forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < measures->len; i++)
    {
      Entry *entry = entry_new (self, g_ptr_array_index (measures, i), FALSE);

      add_counts (forms, (const char * const *) entry->forms);
      add_counts (types, (const char * const *) entry->types);
      if (single && measures->len == 1)
        {
          self->title = g_strdup (entry->title);
          self->subtitle = *entry->years != '\0' ? g_strdup_printf ("%s · %s", entry->country, entry->years)
                                             : g_strdup (entry->country);
        }
      else if (!single)
        g_ptr_array_add (rows, contents_row (entry));
      entry_free (entry);
    }

  if (self->title == NULL)
    {
      g_autofree char *criteria = query != NULL ? describe_query (self, query) : NULL;

      self->title = g_strdup (tr (self, WORD_TITLE_ALL));
      self->subtitle = criteria != NULL && *criteria != '\0' ? g_steal_pointer (&criteria)
                                                             : g_strdup (tr (self, WORD_SUBTITLE_ALL));
    }

  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  self->date = g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (date),
                                measures_translations_get (self->translations, "month",
                                                           months[g_date_time_get_month (date) - 1]),
                                g_date_time_get_year (date));

  count = count_measures (self, measures->len);
  line = single ? g_strdup (self->date) : g_strdup_printf ("%s · %s", self->date, count);

  self->chart_style.timeline_rows = COVER_TIMELINE_ROWS;
  self->chart_style.translations = self->translations;

  add_heading (self, 1, self->title);
  add_paragraph (self, MEASURES_PARAGRAPH_SUBTITLE, self->subtitle);
  add_paragraph (self, MEASURES_PARAGRAPH_DATE, line);

  if (parts != 0)
    make_coverage (self, options);
  if (parts & MEASURES_SUMMARY_PART_MAP)
    add_map (self);

  if (!single)
    {
      if (measures->len > 1)
        {
          make_overview (self);
          add_chart (self, MEASURES_CHART_YEARS);
          if (self->overview->timeline->len > 0)
            add_chart (self, MEASURES_CHART_TIMELINE);
        }
      add_counts_table (self, WORD_BY_FORM, forms);
      add_counts_table (self, WORD_BY_TYPE, types);
      if (parts & MEASURES_SUMMARY_PART_MATRIX)
        add_matrix (self);
      add_contents (self, rows);
    }

  return self;
}

/**
 * measures_summary_get_n_parts:
 * @self: a summary
 *
 * Returns: how many parts the summary has: its cover, then one for each
 *   measure
 */
guint
measures_summary_get_n_parts (MeasuresSummary *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return 1 + self->measures->len;
}

/**
 * measures_summary_dup_part:
 * @self: a summary
 * @part: 0 for the cover, else the number of a measure, from 1
 *
 * The blocks of one part, in order: the cover's are @self's own
 * (#MeasuresSummary.blocks); a measure's are made anew at each call, the
 * same each time, so that a writer need hold only those it is writing.
 * Call it from one thread at a time.
 *
 * Returns: (transfer container) (element-type MeasuresSummaryBlock): the
 *   blocks
 */
GPtrArray *
measures_summary_dup_part (MeasuresSummary *self,
                           guint            part)
{
  GPtrArray *blocks;
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (part <= self->measures->len, NULL);

  if (part == 0)
    return g_ptr_array_ref (self->blocks);

  blocks = g_ptr_array_new_with_free_func (block_free);
  entry = entry_new (self, g_ptr_array_index (self->measures, part - 1), TRUE);
  self->filling = blocks;
  add_entry (self, entry, part);
  self->filling = self->blocks;
  entry_free (entry);

  return blocks;
}

/**
 * measures_summary_dup_page_label:
 * @self: a summary
 * @page: a page number, from 1
 * @n_pages: how many pages there are
 *
 * Returns: (transfer full): "Page 2 of 7", in the summary's language
 */
char *
measures_summary_dup_page_label (MeasuresSummary *self,
                                 guint            page,
                                 guint            n_pages)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* Translators: the footer of each page of a summary, "Page 2 of 7" */
  return g_strdup_printf (measures_translations_get (self->translations, NULL, N_("Page %u of %u")),
                          page, n_pages);
}

/**
 * measures_summary_block_dup_value:
 * @block: a field
 * @separator: what goes between two values
 *
 * Returns: (transfer full): the values of @block joined by @separator;
 *   empty when it has none
 */
char *
measures_summary_block_dup_value (const MeasuresSummaryBlock *block,
                                  const char                 *separator)
{
  g_return_val_if_fail (block != NULL && block->kind == MEASURES_SUMMARY_FIELD, g_strdup (""));

  return g_strjoinv (separator, block->values);
}

static const char * const part_names[] = { "matrix", "map" };

/**
 * measures_summary_parts_from_names:
 * @names: (array zero-terminated=1): "matrix" and "map", each alone or
 *   several separated by commas, as `--include` takes them
 * @parts: (out): the parts they name
 * @bad_name: (out) (optional) (transfer full): the first name that is
 *   neither
 *
 * Returns: whether every name names a part
 */
gboolean
measures_summary_parts_from_names (const char * const   *names,
                                   MeasuresSummaryParts *parts,
                                   char                **bad_name)
{
  g_return_val_if_fail (names != NULL && parts != NULL, FALSE);

  *parts = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_auto(GStrv) list = g_strsplit (names[i], ",", -1);

      for (guint k = 0; list[k] != NULL; k++)
        {
          g_autofree char *name = g_strstrip (g_ascii_strdown (list[k], -1));
          guint p;

          for (p = 0; p < G_N_ELEMENTS (part_names); p++)
            if (g_str_equal (name, part_names[p]))
              break;
          if (p == G_N_ELEMENTS (part_names))
            {
              if (bad_name != NULL)
                *bad_name = g_strdup (list[k]);
              return FALSE;
            }
          *parts |= 1 << p;
        }
    }

  return TRUE;
}

/**
 * measures_summary_options_copy:
 * @options: options
 *
 * Returns: (transfer full): a copy that holds its own reference to the
 *   index and its own copy of the matches, for another thread
 */
MeasuresSummaryOptions *
measures_summary_options_copy (const MeasuresSummaryOptions *options)
{
  MeasuresSummaryOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  if (options->index != NULL)
    g_object_ref (options->index);
  if (options->matches != NULL)
    copy->matches = measures_bitset_copy (options->matches);

  return copy;
}

/**
 * measures_summary_options_free:
 * @options: (nullable): options from measures_summary_options_copy()
 */
void
measures_summary_options_free (MeasuresSummaryOptions *options)
{
  if (options == NULL)
    return;

  g_clear_object (&options->index);
  if (options->matches != NULL)
    measures_bitset_free ((MeasuresBitset *) options->matches);
  g_free (options);
}
