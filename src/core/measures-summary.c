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
 * the filters and counts, a table of contents, then each measure in
 * full. It is built once, in one language, and each format writes the
 * same content. */

static const char * const months[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

const char *
measures_summary_tr (MeasuresSummary *self,
                     const char      *msgid)
{
  return measures_translations_get (self->translations, NULL, msgid);
}

/**
 * measures_summary_count_text:
 *
 * Returns: (transfer full): "1 measure", "11 measures", "20 de măsuri"
 */
char *
measures_summary_count_text (MeasuresSummary *self,
                             guint            n)
{
  /* The plural message of the window's subtitle, looked up in the
   * summary's language. */
  return g_strdup_printf (measures_translations_nget (self->translations,
                                                      "%'u measure", "%'u measures", n),
                          n);
}

static void
entry_free (gpointer data)
{
  MeasuresSummaryEntry *entry = data;

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

static void
count_free (gpointer data)
{
  MeasuresSummaryCount *count = data;

  g_free (count->label);
  g_free (count);
}

void
measures_summary_free (MeasuresSummary *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->translations, measures_translations_free);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->date);
  g_clear_pointer (&self->by_form, g_ptr_array_unref);
  g_clear_pointer (&self->by_type, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
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

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const MeasuresSummaryCount *x = *(MeasuresSummaryCount * const *) a;
  const MeasuresSummaryCount *y = *(MeasuresSummaryCount * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;

  return g_utf8_collate (x->label, y->label);
}

static GPtrArray *
counts_of (GHashTable *table)
{
  GPtrArray *counts = g_ptr_array_new_with_free_func (count_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      MeasuresSummaryCount *count = g_new0 (MeasuresSummaryCount, 1);

      count->label = g_strdup (key);
      count->count = GPOINTER_TO_UINT (value);
      g_ptr_array_add (counts, count);
    }

  g_ptr_array_sort (counts, compare_counts);

  return counts;
}

static void
add_counts (GHashTable         *table,
            const char * const *values)
{
  for (guint i = 0; values[i] != NULL; i++)
    g_hash_table_insert (table, g_strdup (values[i]),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, values[i])) + 1));
}

/**
 * measures_summary_new:
 * @measures: (element-type MeasuresMeasure): the measures, in order
 * @query: (nullable): the filters that chose them, described on the cover
 * @single: whether this is the summary of one measure
 * @lang: the language of the summary, "en" or "ro"
 * @date: (nullable): the date on the cover; %NULL for today
 *
 * Returns: (transfer full): the summary
 */
MeasuresSummary *
measures_summary_new (GPtrArray     *measures,
                      MeasuresQuery *query,
                      gboolean       single,
                      const char    *lang,
                      GDateTime     *date)
{
  MeasuresSummary *self = g_new0 (MeasuresSummary, 1);
  g_autoptr(GHashTable) forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (measures != NULL, NULL);

  self->translations = measures_translations_new (lang != NULL ? lang : "en");
  self->single = single;
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  lang = measures_translations_get_lang (self->translations);

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      MeasuresSummaryEntry *entry = g_new0 (MeasuresSummaryEntry, 1);
      g_autofree char *description = NULL;
      g_autofree char *safe = NULL;

      entry->measure = g_object_ref (measure);
      entry->title = pick (measures_measure_get_title (measure), lang, &entry->title_fallback);
      if (entry->title == NULL)
        entry->title = g_strdup (measures_measure_get_id (measure));
      entry->country = measures_vocabulary_label_in (self->translations, MEASURES_FACET_COUNTRY,
                                                     measures_measure_get_country (measure));
      if (measures_measure_get_region (measure) != NULL)
        entry->region = measures_vocabulary_label_in (self->translations, MEASURES_FACET_REGION,
                                                      measures_measure_get_region (measure));
      entry->years = measures_measure_dup_years_label (measure);
      if (measures_measure_get_year_from (measure) != MEASURES_YEAR_NONE &&
          measures_measure_get_year_to (measure) == MEASURES_YEAR_NONE)
        {
          g_free (entry->years);
          entry->years = g_strdup_printf (measures_translations_get (self->translations, NULL, "since %d"),
                                          measures_measure_get_year_from (measure));
        }
      entry->types = labels (self->translations, MEASURES_FACET_TYPE, measures_measure_get_types (measure));
      entry->forms = labels (self->translations, MEASURES_FACET_FORM, measures_measure_get_forms (measure));
      description = pick (measures_measure_get_description (measure), lang, &entry->description_fallback);
      entry->description = measures_text_parse_blocks (description != NULL ? description : "");
      entry->source = pick (measures_measure_get_source (measure), lang, NULL);
      entry->more_info = pick (measures_measure_get_more_info (measure), lang, NULL);
      entry->url = g_strdup (measures_measure_get_url (measure));
      safe = measures_uri_get_safe (entry->url);
      entry->url_is_link = safe != NULL;

      add_counts (forms, (const char * const *) entry->forms);
      add_counts (types, (const char * const *) entry->types);

      g_ptr_array_add (self->entries, entry);
    }

  self->by_form = counts_of (forms);
  self->by_type = counts_of (types);

  if (single && self->entries->len == 1)
    {
      MeasuresSummaryEntry *entry = g_ptr_array_index (self->entries, 0);

      self->title = g_strdup (entry->title);
      self->subtitle = *entry->years != '\0' ? g_strdup_printf ("%s · %s", entry->country, entry->years)
                                             : g_strdup (entry->country);
    }
  else
    {
      g_autofree char *criteria = NULL;

      if (query != NULL)
        {
          /* The filters, described with the summary's own labels. */
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

                  g_string_append_printf (text, "%s%s",
                                          k > 0 ? measures_translations_get (self->translations, NULL, " or ")
                                                : (text->len > 0 ? " · " : ""),
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
                years = g_strdup_printf (measures_translations_get (self->translations, NULL, "since %d"), from);
              else
                years = g_strdup_printf (measures_translations_get (self->translations, NULL, "until %d"), to);
              g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", years);
            }

          if (measures_query_get_search_words (query)[0] != NULL)
            {
              g_autofree char *search = g_strstrip (g_strdup (measures_query_get_search (query)));

              g_string_append_printf (text, "%s“%s”", text->len > 0 ? " · " : "", search);
            }

          criteria = g_string_free (g_steal_pointer (&text), FALSE);
        }

      /* Translators: the title of a summary of several measures */
      self->title = g_strdup (measures_summary_tr (self, N_("Measures against Violence against Women")));
      self->subtitle = criteria != NULL && *criteria != '\0'
                       ? g_steal_pointer (&criteria)
                       /* Translators: the subtitle of a summary made without filters */
                       : g_strdup (measures_summary_tr (self, N_("All measures")));
    }

  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  self->date = g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (date),
                                measures_translations_get (self->translations, "month",
                                                           months[g_date_time_get_month (date) - 1]),
                                g_date_time_get_year (date));

  return self;
}
