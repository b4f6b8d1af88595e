/* measures-importer.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-error.h"
#include "measures-importer.h"
#include "measures-text.h"
#include "measures-vocabulary.h"

/* Records copied from Global Database pages as text (FACTS.md, section 1):
 *
 *   Country <name>
 *   Year <2018 | 2019 - 2022>            (optional)
 *   Type of Measure <values, comma-separated>
 *   Form of Violence <values, comma-separated>
 *   Brief Description
 *   <paragraphs and lists>
 *   Full Text                             (optional)
 *   <the title of the full document>
 *   Source of Information
 *   <a citation>
 *   For more information: <document>     (optional)
 *
 * A file may hold many records, each starting at a Country line. A
 * record copied from a page has the page's heading, the measure's title,
 * on the line above Country, and may have the page's address near it.
 * Each record becomes a measures-1 JSON object and goes through the same
 * checks as a JSON dataset.
 */

typedef enum
{
  LABEL_NONE,
  LABEL_COUNTRY,
  LABEL_YEAR,
  LABEL_TYPE,
  LABEL_FORM,
  LABEL_TITLE,
  LABEL_DESCRIPTION,
  LABEL_FULL_TEXT,
  LABEL_SOURCE,
  LABEL_MORE_INFO,
  LABEL_ADDRESS,
} Label;

static const struct {
  const char *text;
  Label label;
  gboolean heading;    /* a line of its own, its content below */
} labels[] = {
  { "Country", LABEL_COUNTRY, FALSE },
  { "Year", LABEL_YEAR, FALSE },
  { "Type of Measure", LABEL_TYPE, FALSE },
  { "Form of Violence", LABEL_FORM, FALSE },
  { "Title", LABEL_TITLE, FALSE },
  { "Brief Description", LABEL_DESCRIPTION, TRUE },
  { "Full Text", LABEL_FULL_TEXT, TRUE },
  { "Source of Information", LABEL_SOURCE, TRUE },
};

/* The label a line starts with, tolerating spaces around it, any case
 * and a colon; *value points at what follows. */
static Label
match_label (const char  *line,
             const char **value)
{
  const char *p = line;

  while (*p == ' ' || *p == '\t')
    p++;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gsize len = strlen (labels[i].text);
      const char *rest = p + len;

      if (g_ascii_strncasecmp (p, labels[i].text, len) != 0)
        continue;
      if (*rest != '\0' && *rest != ' ' && *rest != '\t' && *rest != ':')
        continue;

      while (*rest == ' ' || *rest == '\t')
        rest++;
      if (*rest == ':')
        rest++;
      while (*rest == ' ' || *rest == '\t')
        rest++;

      /* A heading stands alone; "Brief Description of…" is text. */
      if (labels[i].heading && *rest != '\0')
        continue;

      *value = rest;
      return labels[i].label;
    }

  if (g_ascii_strncasecmp (p, "For more information", 20) == 0 ||
      g_ascii_strncasecmp (p, "Please click here", 17) == 0)
    {
      *value = p;
      return LABEL_MORE_INFO;
    }

  if ((g_str_has_prefix (p, "http://") || g_str_has_prefix (p, "https://")) &&
      strpbrk (p, " \t") == NULL)
    {
      *value = p;
      return LABEL_ADDRESS;
    }

  return LABEL_NONE;
}

static gboolean
starts_lowercase (const char *text)
{
  while (*text == ' ' || *text == '\t')
    text++;

  return *text != '\0' && g_unichar_islower (g_utf8_get_char (text));
}

/**
 * measures_importer_split_values:
 * @line: the values of a Type of Measure or Form of Violence line
 * @facet: %MEASURES_FACET_TYPE or %MEASURES_FACET_FORM
 *
 * Splits comma-separated values, some of which hold commas themselves
 * ("Child, early and forced marriage"): the longest run of pieces that
 * makes a known value is one value; an unknown value takes along the
 * pieces that continue it in lower case. Runs are no longer than the
 * known value with the most commas, so a line of a thousand commas takes
 * a moment, not minutes.
 *
 * Returns: (transfer full): the values, trimmed
 */
GStrv
measures_importer_split_values (const char *line,
                                int         facet)
{
  g_auto(GStrv) pieces = g_strsplit (line, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_strv_length (pieces);
  guint longest = measures_vocabulary_get_max_commas (facet) + 1;
  guint i = 0;

  while (i < n)
    {
      g_autoptr(GString) value = NULL;
      int best = -1;

      for (int j = (int) MIN (n, i + longest) - 1; j >= (int) i && best < 0; j--)
        {
          g_autoptr(GString) candidate = g_string_new (pieces[i]);

          for (int k = i + 1; k <= j; k++)
            g_string_append_printf (candidate, ",%s", pieces[k]);
          g_strstrip (candidate->str);
          candidate->len = strlen (candidate->str);

          if (*candidate->str != '\0' && measures_vocabulary_is_known (facet, candidate->str))
            best = j;
        }

      value = g_string_new (pieces[i]);
      if (best >= 0)
        {
          for (int k = i + 1; k <= best; k++)
            g_string_append_printf (value, ",%s", pieces[k]);
          i = best + 1;
        }
      else
        {
          i++;
          while (i < n && starts_lowercase (pieces[i]))
            g_string_append_printf (value, ",%s", pieces[i++]);
        }

      g_strstrip (value->str);
      if (*value->str != '\0')
        g_strv_builder_add (builder, value->str);
    }

  return g_strv_builder_end (builder);
}

/**
 * measures_importer_derive_title:
 * @description: a description
 *
 * Returns: (transfer full) (nullable): the first sentence of
 *   @description, cut on a word boundary to at most 90 characters
 */
char *
measures_importer_derive_title (const char *description)
{
  g_autoptr(GString) title = g_string_new (NULL);
  const char *p = description;
  glong chars = 0;
  const glong limit = 90;

  while (*p == ' ' || *p == '\n' || *p == '\t')
    p++;

  for (; *p != '\0' && *p != '\n'; p = g_utf8_next_char (p))
    {
      if ((*p == '.' || *p == ':' || *p == ';') && (p[1] == ' ' || p[1] == '\0' || p[1] == '\n'))
        break;
      g_string_append_unichar (title, g_utf8_get_char (p));
      chars++;
    }

  g_strstrip (title->str);
  title->len = strlen (title->str);
  if (title->len == 0)
    return NULL;

  if (g_utf8_strlen (title->str, -1) > limit)
    {
      char *cut = g_utf8_offset_to_pointer (title->str, limit);
      char *space;

      *cut = '\0';
      if ((space = strrchr (title->str, ' ')) != NULL && space > title->str)
        *space = '\0';
      g_strchomp (title->str);
      title->len = strlen (title->str);
      g_string_append (title, "…");
    }

  return g_string_free (g_steal_pointer (&title), FALSE);
}

/**
 * measures_importer_parse_address:
 * @url: an address
 * @region: (out) (optional) (transfer full): the region it files the
 *   record under, such as "Europe"
 * @year: (out) (optional) (transfer full) (nullable): its year, or %NULL
 *   for "na"
 * @slug: (out) (optional) (transfer full): the last part, made from the
 *   record's title
 *
 * Reads the address of a Global Database record page,
 * `https://evaw-global-database.unwomen.org/{en|fr|es}/countries/{region}/{country}/{year|na}/{title}`.
 *
 * Returns: whether @url is one
 */
gboolean
measures_importer_parse_address (const char  *url,
                                 char       **region,
                                 char       **year,
                                 char       **slug)
{
  static const char * const regions[] = { "Africa", "Americas", "Asia", "Europe", "Oceania" };
  g_autoptr(GUri) uri = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) segments = g_ptr_array_new ();
  const char *found_region = NULL;
  const char *segment_year;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      g_ascii_strcasecmp (g_uri_get_host (uri), "evaw-global-database.unwomen.org") != 0 ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    return FALSE;

  parts = g_strsplit (g_uri_get_path (uri), "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (segments, parts[i]);

  /* lang, "countries", region, country, year, title */
  if (segments->len != 6 || strlen (g_ptr_array_index (segments, 0)) != 2 ||
      g_ascii_strcasecmp (g_ptr_array_index (segments, 1), "countries") != 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (segments, 2), regions[i]) == 0)
      found_region = regions[i];
  if (found_region == NULL)
    return FALSE;

  segment_year = g_ptr_array_index (segments, 4);
  if (g_ascii_strcasecmp (segment_year, "na") != 0 &&
      (strlen (segment_year) != 4 || strspn (segment_year, "0123456789") != 4))
    return FALSE;

  if (region != NULL)
    *region = g_strdup (found_region);
  if (year != NULL)
    *year = g_ascii_strcasecmp (segment_year, "na") != 0 ? g_strdup (segment_year) : NULL;
  if (slug != NULL)
    *slug = g_strdup (g_ptr_array_index (segments, 5));

  return TRUE;
}

/**
 * measures_importer_title_from_slug:
 * @slug: the last part of a record's address,
 *   "national-strategy-against-trafficking-in-persons-2018-2022"
 *
 * Returns: (transfer full) (nullable): its words as a title, "National
 *   strategy against trafficking in persons 2018-2022": a hyphen between
 *   two numbers is kept, the others are spaces
 */
char *
measures_importer_title_from_slug (const char *slug)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *decoded = g_uri_unescape_string (slug, NULL);
  const char *p;

  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    return NULL;

  for (p = decoded; *p != '\0'; p++)
    {
      if (*p == '-' || *p == '_' || *p == '+')
        {
          gboolean between_numbers = *p == '-' && title->len > 0 && g_ascii_isdigit (title->str[title->len - 1]) &&
                                     g_ascii_isdigit (p[1]);

          if (between_numbers)
            g_string_append_c (title, '-');
          else if (title->len > 0 && title->str[title->len - 1] != ' ')
            g_string_append_c (title, ' ');
          continue;
        }
      g_string_append_c (title, *p);
    }

  g_strstrip (title->str);
  title->len = strlen (title->str);
  if (title->len == 0 || measures_text_is_blank (title->str))
    return NULL;

  /* The first letter in upper case, as a heading has it. */
  {
    gunichar first = g_utf8_get_char (title->str);
    char upper[6];
    gint n = g_unichar_to_utf8 (g_unichar_toupper (first), upper);

    g_string_erase (title, 0, g_utf8_next_char (title->str) - title->str);
    g_string_prepend_len (title, upper, n);
  }

  return g_string_free (g_steal_pointer (&title), FALSE);
}

/* Ends the line at @line with a nul, at “\n”, “\r\n” or a “\r” alone (as
 * classic Mac OS and some exports end lines), and returns the start of
 * the next one, or just past @end at the end. */
static char *
split_line (char *line,
            char *end)
{
  char *p = line;

  while (p < end && *p != '\n' && *p != '\r')
    p++;

  if (p == end)
    return end + 1;

  if (p[0] == '\r' && p + 1 < end && p[1] == '\n')
    {
      *p = '\0';
      return p + 2;
    }

  *p = '\0';
  return p + 1;
}

typedef struct
{
  guint line;
  char *country;
  char *year;
  char *types;
  char *forms;
  char *title;
  char *heading;     /* the page's heading above Country */
  GString *description;
  GString *full_text;
  GString *source;
  char *more_info;
  char *url;
} Record;

static void
record_free (Record *record)
{
  g_free (record->country);
  g_free (record->year);
  g_free (record->types);
  g_free (record->forms);
  g_free (record->title);
  g_free (record->heading);
  if (record->description != NULL)
    g_string_free (record->description, TRUE);
  if (record->full_text != NULL)
    g_string_free (record->full_text, TRUE);
  if (record->source != NULL)
    g_string_free (record->source, TRUE);
  g_free (record->more_info);
  g_free (record->url);
  g_free (record);
}

/* A section's lines without the blank lines around them. */
static char *
section_text (GString *section)
{
  g_autofree char *text = NULL;
  char *start;
  char *end;

  if (section == NULL)
    return NULL;

  text = g_strdup (section->str);
  start = text;
  while (*start == '\n' || *start == ' ' || *start == '\t')
    {
      /* Only whole blank lines go; indentation of the first line stays. */
      char *newline = strchr (start, '\n');

      if (*start == '\n')
        start++;
      else if (newline != NULL && strspn (start, " \t") == (gsize) (newline - start))
        start = newline + 1;
      else
        break;
    }

  /* Trailing blank lines go; a line's own trailing spaces are text. */
  end = start + strlen (start);
  for (;;)
    {
      char *line_start;

      while (end > start && (end[-1] == '\n' || end[-1] == '\r'))
        end--;

      line_start = end;
      while (line_start > start && line_start[-1] != '\n')
        line_start--;

      if (line_start < end && strspn (line_start, " \t") >= (gsize) (end - line_start))
        end = line_start;
      else
        break;
    }
  *end = '\0';

  return *start != '\0' ? g_strdup (start) : NULL;
}

static void
set_text (JsonObject *object,
          const char *key,
          const char *text)
{
  if (text != NULL && *text != '\0')
    json_object_set_string_member (object, key, text);
}

static void
set_values (JsonObject    *object,
            const char    *key,
            const char    *line,
            MeasuresFacet  facet)
{
  g_auto(GStrv) values = NULL;
  g_autoptr(JsonArray) array = json_array_new ();

  if (line == NULL)
    return;

  values = measures_importer_split_values (line, facet);
  for (guint i = 0; values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);

  if (json_array_get_length (array) > 0)
    json_object_set_array_member (object, key, g_steal_pointer (&array));
}

/* The record as a measures-1 object. Its region is the one its page's
 * address files it under, or else the Global Database's region of its
 * country; its year, when no Year line gives one, the address's. Its
 * title is the Title line, or the page's heading; failing both, one is
 * made from the address or the description, and marked so. */
static JsonObject *
record_to_json (Record *record)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *description = section_text (record->description);
  g_autofree char *full_text = section_text (record->full_text);
  g_autofree char *source = section_text (record->source);
  g_autofree char *address_region = NULL;
  g_autofree char *address_year = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *made_title = NULL;
  const char *region = NULL;

  if (record->url != NULL)
    measures_importer_parse_address (record->url, &address_region, &address_year, &slug);

  set_text (object, "country", record->country);
  if (address_region != NULL)
    region = address_region;
  else if (record->country != NULL)
    region = measures_vocabulary_region_of (record->country);
  if (region != NULL)
    json_object_set_string_member (object, "region", region);
  set_text (object, "year", record->year != NULL ? record->year : address_year);
  set_values (object, "types", record->types, MEASURES_FACET_TYPE);
  set_values (object, "forms", record->forms, MEASURES_FACET_FORM);

  if (record->title != NULL && *record->title != '\0')
    json_object_set_string_member (object, "title", record->title);
  else if (record->heading != NULL)
    json_object_set_string_member (object, "title", record->heading);
  else if ((slug != NULL && (made_title = measures_importer_title_from_slug (slug)) != NULL) ||
           (description != NULL && (made_title = measures_importer_derive_title (description)) != NULL))
    {
      json_object_set_string_member (object, "title", made_title);
      json_object_set_boolean_member (object, "title_derived", TRUE);
    }

  set_text (object, "description", description);
  set_text (object, "full_text", full_text);
  set_text (object, "source", source);
  set_text (object, "more_info", record->more_info);
  set_text (object, "url", record->url);

  return g_steal_pointer (&object);
}

/* The lines after a record's last label, which may turn out to be the
 * next record's heading and address: a page copied whole reads
 *
 *   <the page's address>        (when copied too)
 *   <the page's heading: the measure's title>
 *   Country …
 *
 * and the record before it may end with its source, with no closing
 * line between. */
typedef enum
{
  TAIL_TEXT,
  TAIL_ADDRESS,
} TailKind;

typedef struct
{
  TailKind kind;
  char *text;         /* the line, trimmed */
  guint line;
  GString *section;   /* (nullable): the section the line went into */
  gsize offset;       /* the section's length before it */
} TailLine;

static void
tail_line_clear (gpointer data)
{
  g_free (((TailLine *) data)->text);
}

static void
tail_add (GArray     *tail,
          TailKind    kind,
          const char *text,
          guint       line,
          GString    *section)
{
  TailLine entry = { kind, g_strstrip (g_strdup (text)), line, section, section != NULL ? section->len : 0 };

  g_array_append_val (tail, entry);
}

static void
give_address (Record     *record,
              const char *url)
{
  if (record->url == NULL)
    record->url = g_strdup (url);
}

/* Whether @section has text before @end. */
static gboolean
section_has_text (GString *section,
                  gsize    end)
{
  for (gsize i = 0; i < end; i++)
    if (!g_ascii_isspace (section->str[i]))
      return TRUE;

  return FALSE;
}

/* Whether a record page's address was made from @title. */
static gboolean
address_names (const char *url,
               const char *title)
{
  g_autofree char *slug = NULL;
  g_autofree char *slug_words = NULL;
  g_autofree char *title_words = NULL;

  if (!measures_importer_parse_address (url, NULL, NULL, &slug))
    return FALSE;

  slug_words = measures_fold_words (slug);
  title_words = measures_fold_words (title);

  return g_str_equal (slug_words, title_words);
}

/* Lines after a label that no Country follows: addresses are the
 * record's; before the first record, text was skipped. */
static void
flush_tail (GArray *tail,
            Record *record,
            guint  *stray_line)
{
  for (guint i = 0; i < tail->len; i++)
    {
      TailLine *entry = &g_array_index (tail, TailLine, i);

      if (entry->kind == TAIL_ADDRESS && record != NULL)
        give_address (record, entry->text);
      else if (record == NULL && entry->kind == TAIL_TEXT && *stray_line == 0)
        *stray_line = entry->line;
    }

  g_array_set_size (tail, 0);
}

/* At a Country line: the last text line above it is the new record's
 * heading, unless it is all the previous record's open section holds
 * (a source of one line, and no heading); addresses below the heading
 * are the new record's, and so are those above it made from the heading
 * or with no record before. An address with no heading stays with the
 * record it follows. The rest is the previous record's. */
static void
take_preamble (GArray *tail,
               Record *previous,
               Record *next,
               guint  *stray_line)
{
  int i = (int) tail->len - 1;
  int below_end = i, above_end, heading = -1;

  while (i >= 0 && g_array_index (tail, TailLine, i).kind == TAIL_ADDRESS)
    i--;

  if (i >= 0)
    {
      TailLine *candidate = &g_array_index (tail, TailLine, i);

      if (candidate->section == NULL || section_has_text (candidate->section, candidate->offset))
        heading = i--;
    }

  above_end = i;
  if (heading >= 0)
    while (i >= 0 && g_array_index (tail, TailLine, i).kind == TAIL_ADDRESS)
      i--;

  for (int k = 0; k < (int) tail->len; k++)
    {
      TailLine *entry = &g_array_index (tail, TailLine, k);

      if (k == heading)
        {
          next->heading = g_strdup (entry->text);
          /* Out of the previous record's source, where it went first. */
          if (entry->section != NULL)
            g_string_truncate (entry->section, entry->offset);
        }
      else if (entry->kind == TAIL_TEXT)
        {
          if (previous == NULL && *stray_line == 0)
            *stray_line = entry->line;
        }
      else if (previous == NULL)
        give_address (next, entry->text);
      else if (heading >= 0 && k > heading && k <= below_end)
        give_address (next, entry->text);
      else if (heading >= 0 && k > i && k <= above_end &&
               address_names (entry->text, g_array_index (tail, TailLine, heading).text))
        give_address (next, entry->text);
      else if (previous->url == NULL)
        give_address (previous, entry->text);
      else
        give_address (next, entry->text);
    }

  g_array_set_size (tail, 0);
}

static void
add_record (MeasuresDataset *dataset,
            Record          *record,
            guint            index)
{
  g_autoptr(JsonObject) object = record_to_json (record);
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;

  measure = measures_measure_new_from_json (object, &error);
  if (measure == NULL)
    {
      MeasuresProblem *problem = measures_problem_new (measures_dataset_get_name (dataset), index,
                                                       NULL, error->message);

      problem->line = record->line;
      measures_dataset_add_problem (dataset, problem);
      return;
    }

  measures_dataset_add_measure (dataset, measure, index, record->line);
}

/**
 * measures_importer_load_text:
 * @text: the contents of a text file, valid UTF-8
 * @length: its length in bytes
 * @file: (nullable): where it comes from
 * @name: the name to show in messages
 *
 * Returns: (transfer full): the records of @text, with their problems
 */
MeasuresDataset *
measures_importer_load_text (const char *text,
                             gsize       length,
                             GFile      *file,
                             const char *name)
{
  g_autoptr(MeasuresDataset) dataset = measures_dataset_new (file, name);
  g_autofree char *copy = g_strndup (text, length);
  g_autoptr(GArray) tail = g_array_new (FALSE, FALSE, sizeof (TailLine));
  Record *record = NULL;
  GString **section = NULL;
  guint index = 0;
  guint stray_line = 0;
  char *body = copy;
  char *end = copy + strlen (copy);
  char *next;

  g_array_set_clear_func (tail, tail_line_clear);

  /* A byte-order mark. */
  if (g_str_has_prefix (body, "\xEF\xBB\xBF"))
    body += 3;

  /* Line by line, in place: g_strsplit() looks for each line end with
   * strstr(), which AddressSanitizer makes measure the rest of the text
   * each time, so large files took minutes under it. */
  for (guint i = 0; body <= end; i++, body = next)
    {
      char *line = body;
      const char *value = NULL;
      Label label;

      next = split_line (line, end);
      label = match_label (line, &value);

      if (label == LABEL_COUNTRY)
        {
          Record *next_record = g_new0 (Record, 1);

          take_preamble (tail, record, next_record, &stray_line);
          if (record != NULL)
            add_record (dataset, record, ++index);
          g_clear_pointer (&record, record_free);
          record = next_record;
          record->line = i + 1;
          record->country = g_strstrip (g_strdup (value));
          section = NULL;
          continue;
        }

      /* Text and addresses wait: they may be the next record's. */
      if (label == LABEL_ADDRESS)
        {
          tail_add (tail, TAIL_ADDRESS, value, i + 1, NULL);
          continue;
        }
      if (label == LABEL_NONE)
        {
          gboolean blank = line[strspn (line, " \t\r")] == '\0';

          if (!blank)
            tail_add (tail, TAIL_TEXT, line, i + 1, section != NULL ? *section : NULL);
          if (section != NULL)
            g_string_append_printf (*section, "%s\n", line);
          continue;
        }

      flush_tail (tail, record, &stray_line);
      if (record == NULL)
        {
          if (stray_line == 0)
            stray_line = i + 1;
          continue;
        }

      switch (label)
        {
        case LABEL_YEAR:
          g_free (record->year);
          record->year = g_strstrip (g_strdup (value));
          section = NULL;
          break;
        case LABEL_TYPE:
          g_free (record->types);
          record->types = g_strdup (value);
          section = NULL;
          break;
        case LABEL_FORM:
          g_free (record->forms);
          record->forms = g_strdup (value);
          section = NULL;
          break;
        case LABEL_TITLE:
          g_free (record->title);
          record->title = g_strstrip (g_strdup (value));
          section = NULL;
          break;
        case LABEL_DESCRIPTION:
          if (record->description == NULL)
            record->description = g_string_new (NULL);
          section = &record->description;
          break;
        case LABEL_FULL_TEXT:
          if (record->full_text == NULL)
            record->full_text = g_string_new (NULL);
          section = &record->full_text;
          break;
        case LABEL_SOURCE:
          if (record->source == NULL)
            record->source = g_string_new (NULL);
          section = &record->source;
          break;
        case LABEL_MORE_INFO:
          {
            const char *more = value;

            if (g_ascii_strncasecmp (more, "For more information", 20) == 0)
              {
                const char *colon = strchr (more, ':');

                if (colon != NULL && colon[1] != '\0')
                  more = colon + 1;
              }
            g_free (record->more_info);
            record->more_info = g_strstrip (g_strdup (more));
            section = NULL;
          }
          break;
        case LABEL_ADDRESS:
        case LABEL_COUNTRY:
        case LABEL_NONE:
        default:
          g_assert_not_reached ();
        }
    }

  flush_tail (tail, record, &stray_line);
  if (record != NULL)
    add_record (dataset, record, ++index);
  g_clear_pointer (&record, record_free);

  if (index == 0)
    measures_dataset_take_error (dataset,
                                 g_error_new_literal (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                                                      _("neither JSON nor records that start with a “Country” line")));
  else if (stray_line > 0)
    {
      MeasuresProblem *problem =
        measures_problem_new (name, 0, NULL, _("text before the first “Country” line was skipped"));

      problem->line = stray_line;
      measures_dataset_add_problem (dataset, problem);
    }

  return g_steal_pointer (&dataset);
}
