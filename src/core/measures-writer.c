/* measures-writer.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-text.h"
#include "measures-writer.h"

/* The summary as text, HTML and Markdown, and the measures themselves as
 * CSV and JSON. The PDF is measures-pages.c's; which writer a format has
 * is measures-export.c's table. */

/* HTML */

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

static void
append_html_text (GString    *out,
                  const char *text)
{
  /* Line breaks inside a paragraph are kept. */
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "<br>");
      append_escaped (out, lines[i]);
    }
}

static void
append_html_blocks (GString   *out,
                    GPtrArray *blocks)
{
  gboolean in_list = FALSE;
  guint list = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      const MeasuresBlock *block = g_ptr_array_index (blocks, i);

      if (in_list && (block->kind != MEASURES_BLOCK_LIST_ITEM || block->list != list))
        {
          g_string_append (out, "</ul>\n");
          in_list = FALSE;
        }

      if (block->kind == MEASURES_BLOCK_LIST_ITEM)
        {
          if (!in_list)
            g_string_append (out, "<ul>\n");
          in_list = TRUE;
          list = block->list;
          g_string_append (out, "<li>");
          append_html_text (out, block->text);
          g_string_append (out, "</li>\n");
        }
      else
        {
          g_string_append (out, "<p>");
          append_html_text (out, block->text);
          g_string_append (out, "</p>\n");
        }
    }

  if (in_list)
    g_string_append (out, "</ul>\n");
}

static void
append_html_field (GString    *out,
                   const char *label,
                   const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  g_string_append (out, "<tr><th>");
  append_escaped (out, label);
  g_string_append (out, "</th><td>");
  append_escaped (out, value);
  g_string_append (out, "</td></tr>\n");
}

static const char *html_style =
  "body{font-family:Cantarell,'Noto Sans','DejaVu Sans',sans-serif;max-width:48em;margin:2em auto;"
  "padding:0 1em;line-height:1.5;color:#1e1e1e;background:#fff}"
  "h1{font-size:1.9em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em}"
  "h3{margin-top:2em}.subtitle{font-size:1.2em;color:#555;margin-top:0}.date{color:#555}"
  "table{border-collapse:collapse;width:100%;margin:1em 0}th,td{text-align:left;vertical-align:top;"
  "padding:.3em .6em;border-bottom:1px solid #ddd}th{font-weight:600}table.fields th{width:12em;color:#555}"
  ".note{font-size:.9em;color:#666;font-style:italic}td.count{text-align:right;width:5em}"
  "a{color:#1a5fb4}.measure{break-inside:auto}h3{break-after:avoid}"
  "@media print{body{margin:0;max-width:none}a{color:inherit}h2,h3{break-after:avoid}"
  ".measure{break-before:page}}";

static void
append_html_counts (GString         *out,
                    MeasuresSummary *self,
                    const char      *heading,
                    GPtrArray       *counts)
{
  if (counts->len == 0)
    return;

  g_string_append (out, "<h2>");
  append_escaped (out, heading);
  g_string_append (out, "</h2>\n<table>\n");
  for (guint i = 0; i < counts->len; i++)
    {
      const MeasuresSummaryCount *count = g_ptr_array_index (counts, i);

      g_string_append (out, "<tr><td>");
      append_escaped (out, count->label);
      g_string_append_printf (out, "</td><td class=\"count\">%u</td></tr>\n", count->count);
    }
  g_string_append (out, "</table>\n");
}

/**
 * measures_writer_html:
 *
 * Returns: (transfer full): one self-contained HTML page; every piece of
 *   record text is escaped
 */
GBytes *
measures_writer_html (MeasuresSummary *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *count = measures_summary_count_text (self, self->entries->len);

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
                          measures_translations_get_lang (self->translations));
  append_escaped (out, self->title);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>", html_style);
  append_escaped (out, self->title);
  g_string_append (out, "</h1>\n<p class=\"subtitle\">");
  append_escaped (out, self->subtitle);
  g_string_append (out, "</p>\n<p class=\"date\">");
  append_escaped (out, self->date);
  if (!self->single)
    {
      g_string_append (out, " · ");
      append_escaped (out, count);
    }
  g_string_append (out, "</p>\n</header>\n");

  if (!self->single)
    {
      append_html_counts (out, self, measures_summary_tr (self, N_("Measures by Form of Violence")), self->by_form);
      append_html_counts (out, self, measures_summary_tr (self, N_("Measures by Type of Measure")), self->by_type);

      g_string_append (out, "<h2>");
      append_escaped (out, measures_summary_tr (self, N_("Contents")));
      g_string_append (out, "</h2>\n<table>\n<tr><th>");
      append_escaped (out, measures_summary_tr (self, N_("Title")));
      g_string_append (out, "</th><th>");
      append_escaped (out, measures_summary_tr (self, N_("Country")));
      g_string_append (out, "</th><th>");
      append_escaped (out, measures_summary_tr (self, N_("Years")));
      g_string_append (out, "</th><th>");
      append_escaped (out, measures_summary_tr (self, N_("Type of Measure")));
      g_string_append (out, "</th></tr>\n");
      for (guint i = 0; i < self->entries->len; i++)
        {
          const MeasuresSummaryEntry *entry = g_ptr_array_index (self->entries, i);
          g_autofree char *joined = g_strjoinv ("; ", entry->types);

          g_string_append_printf (out, "<tr><td><a href=\"#m%u\">", i + 1);
          append_escaped (out, entry->title);
          g_string_append (out, "</a></td><td>");
          append_escaped (out, entry->country);
          g_string_append (out, "</td><td>");
          append_escaped (out, entry->years);
          g_string_append (out, "</td><td>");
          append_escaped (out, joined);
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</table>\n");
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      const MeasuresSummaryEntry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *types = g_strjoinv ("; ", entry->types);
      g_autofree char *forms = g_strjoinv ("; ", entry->forms);

      g_string_append_printf (out, "<section class=\"measure\" id=\"m%u\">\n", i + 1);
      if (!self->single)
        {
          g_string_append (out, "<h3>");
          append_escaped (out, entry->title);
          g_string_append (out, "</h3>\n");
        }
      if (entry->title_fallback || entry->description_fallback)
        {
          g_string_append (out, "<p class=\"note\">");
          append_escaped (out, measures_summary_tr (self, N_("Shown in English: the record has no text in this language.")));
          g_string_append (out, "</p>\n");
        }
      g_string_append (out, "<table class=\"fields\">\n");
      append_html_field (out, measures_summary_tr (self, N_("Country")), entry->country);
      append_html_field (out, measures_summary_tr (self, N_("Region")), entry->region);
      append_html_field (out, measures_summary_tr (self, N_("Years")), entry->years);
      append_html_field (out, measures_summary_tr (self, N_("Type of Measure")), types);
      append_html_field (out, measures_summary_tr (self, N_("Form of Violence")), forms);
      g_string_append (out, "</table>\n");

      if (entry->description->len > 0)
        {
          g_string_append (out, "<h4>");
          append_escaped (out, measures_summary_tr (self, N_("Description")));
          g_string_append (out, "</h4>\n");
          append_html_blocks (out, entry->description);
        }

      g_string_append (out, "<table class=\"fields\">\n");
      append_html_field (out, measures_summary_tr (self, N_("Source of Information")), entry->source);
      append_html_field (out, measures_summary_tr (self, N_("More Information")), entry->more_info);
      if (entry->url != NULL)
        {
          g_string_append (out, "<tr><th>");
          append_escaped (out, measures_summary_tr (self, N_("Address")));
          g_string_append (out, "</th><td>");
          if (entry->url_is_link)
            {
              g_string_append (out, "<a href=\"");
              append_escaped (out, entry->url);
              g_string_append (out, "\">");
              append_escaped (out, entry->url);
              g_string_append (out, "</a>");
            }
          else
            append_escaped (out, entry->url);
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</table>\n</section>\n");
    }

  g_string_append (out, "</body>\n</html>\n");

  return g_string_free_to_bytes (out);
}

/* Markdown */

/* Where a piece of text goes in a Markdown document. */
typedef enum
{
  MD_LINE_START,  /* at the start of a line, or of a list item */
  MD_INLINE,      /* after other text on its line */
  MD_TABLE,       /* in a table's cell: line breaks are <br> */
  MD_HEADING,     /* in a heading: line breaks are spaces */
} MdPlace;

/* Record text must not turn into Markdown: characters that could start
 * markup are escaped, and so is anything that looks like HTML. At the
 * start of a line, so are the marks that make it a list item ("- ",
 * "+ ", "1. ", "1) "), a rule ("---") or the line under a heading ("===",
 * "---"); the spaces there are dropped, as they show nothing and four
 * would make the line code. "#", ">", "*" and "|" are escaped anywhere. */
static void
append_md_escaped (GString    *out,
                   const char *text,
                   MdPlace     place)
{
  gboolean line_start = place == MD_LINE_START;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (line_start)
        {
          const char *digits = p;

          line_start = FALSE;
          while (*p == ' ' || *p == '\t')
            p++;
          if (*p == '\0')
            break;

          if (*p == '-' || *p == '+' || *p == '=')
            {
              g_string_append_c (out, '\\');
              g_string_append_c (out, *p);
              continue;
            }

          for (digits = p; g_ascii_isdigit (*digits); digits++)
            ;
          if (digits > p && (*digits == '.' || *digits == ')') &&
              (digits[1] == '\0' || digits[1] == ' ' || digits[1] == '\t' || digits[1] == '\n'))
            {
              g_string_append_len (out, p, digits - p);
              g_string_append_c (out, '\\');
              g_string_append_c (out, *digits);
              p = digits;
              continue;
            }
        }

      switch (*p)
        {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '#':
        case '!': case '|': case '~': case '>': case '{': case '}':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '\n':
          if (place == MD_TABLE)
            g_string_append (out, "<br>");
          else if (place == MD_HEADING)
            g_string_append_c (out, ' ');
          else
            {
              g_string_append (out, "  \n");
              line_start = TRUE;
            }
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
append_md_field (GString    *out,
                 const char *label,
                 const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  g_string_append (out, "- **");
  append_md_escaped (out, label, MD_INLINE);
  g_string_append (out, ":** ");
  append_md_escaped (out, value, MD_INLINE);
  g_string_append_c (out, '\n');
}

GBytes *
measures_writer_markdown (MeasuresSummary *self)
{
  GString *out = g_string_new ("# ");
  g_autofree char *count = measures_summary_count_text (self, self->entries->len);

  append_md_escaped (out, self->title, MD_HEADING);
  g_string_append (out, "\n\n**");
  append_md_escaped (out, self->subtitle, MD_INLINE);
  g_string_append (out, "**  \n");
  append_md_escaped (out, self->date, MD_LINE_START);
  if (!self->single)
    {
      g_string_append (out, " · ");
      append_md_escaped (out, count, MD_INLINE);
    }
  g_string_append (out, "\n\n");

  if (!self->single)
    {
      GPtrArray *tables[] = { self->by_form, self->by_type };
      const char *headings[] = { N_("Measures by Form of Violence"), N_("Measures by Type of Measure") };

      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        {
          if (tables[t]->len == 0)
            continue;
          g_string_append (out, "## ");
          append_md_escaped (out, measures_summary_tr (self, headings[t]), MD_HEADING);
          g_string_append (out, "\n\n");
          for (guint i = 0; i < tables[t]->len; i++)
            {
              const MeasuresSummaryCount *c = g_ptr_array_index (tables[t], i);

              g_string_append (out, "- ");
              append_md_escaped (out, c->label, MD_LINE_START);
              g_string_append_printf (out, ": %u\n", c->count);
            }
          g_string_append_c (out, '\n');
        }

      g_string_append (out, "## ");
      append_md_escaped (out, measures_summary_tr (self, N_("Contents")), MD_HEADING);
      g_string_append (out, "\n\n| ");
      append_md_escaped (out, measures_summary_tr (self, N_("Title")), MD_TABLE);
      g_string_append (out, " | ");
      append_md_escaped (out, measures_summary_tr (self, N_("Country")), MD_TABLE);
      g_string_append (out, " | ");
      append_md_escaped (out, measures_summary_tr (self, N_("Years")), MD_TABLE);
      g_string_append (out, " | ");
      append_md_escaped (out, measures_summary_tr (self, N_("Type of Measure")), MD_TABLE);
      g_string_append (out, " |\n|---|---|---|---|\n");
      for (guint i = 0; i < self->entries->len; i++)
        {
          const MeasuresSummaryEntry *entry = g_ptr_array_index (self->entries, i);
          g_autofree char *types = g_strjoinv ("; ", entry->types);

          g_string_append (out, "| ");
          append_md_escaped (out, entry->title, MD_TABLE);
          g_string_append (out, " | ");
          append_md_escaped (out, entry->country, MD_TABLE);
          g_string_append (out, " | ");
          append_md_escaped (out, entry->years, MD_TABLE);
          g_string_append (out, " | ");
          append_md_escaped (out, types, MD_TABLE);
          g_string_append (out, " |\n");
        }
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      const MeasuresSummaryEntry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *types = g_strjoinv ("; ", entry->types);
      g_autofree char *forms = g_strjoinv ("; ", entry->forms);

      if (!self->single)
        {
          g_string_append (out, "## ");
          append_md_escaped (out, entry->title, MD_HEADING);
          g_string_append (out, "\n\n");
        }
      if (entry->title_fallback || entry->description_fallback)
        {
          g_string_append (out, "_");
          append_md_escaped (out, measures_summary_tr (self, N_("Shown in English: the record has no text in this language.")), MD_INLINE);
          g_string_append (out, "_\n\n");
        }
      append_md_field (out, measures_summary_tr (self, N_("Country")), entry->country);
      append_md_field (out, measures_summary_tr (self, N_("Region")), entry->region);
      append_md_field (out, measures_summary_tr (self, N_("Years")), entry->years);
      append_md_field (out, measures_summary_tr (self, N_("Type of Measure")), types);
      append_md_field (out, measures_summary_tr (self, N_("Form of Violence")), forms);
      g_string_append_c (out, '\n');

      if (entry->description->len > 0)
        {
          guint list = 0;
          gboolean in_list = FALSE;

          g_string_append (out, "### ");
          append_md_escaped (out, measures_summary_tr (self, N_("Description")), MD_HEADING);
          g_string_append (out, "\n\n");
          for (guint b = 0; b < entry->description->len; b++)
            {
              const MeasuresBlock *block = g_ptr_array_index (entry->description, b);

              if (in_list && (block->kind != MEASURES_BLOCK_LIST_ITEM || block->list != list))
                {
                  g_string_append_c (out, '\n');
                  in_list = FALSE;
                }
              if (block->kind == MEASURES_BLOCK_LIST_ITEM)
                {
                  g_string_append (out, "- ");
                  append_md_escaped (out, block->text, MD_LINE_START);
                  g_string_append_c (out, '\n');
                  in_list = TRUE;
                  list = block->list;
                }
              else
                {
                  append_md_escaped (out, block->text, MD_LINE_START);
                  g_string_append (out, "\n\n");
                }
            }
          if (in_list)
            g_string_append_c (out, '\n');
        }

      append_md_field (out, measures_summary_tr (self, N_("Source of Information")), entry->source);
      append_md_field (out, measures_summary_tr (self, N_("More Information")), entry->more_info);
      if (entry->url != NULL)
        {
          g_string_append (out, "- **");
          append_md_escaped (out, measures_summary_tr (self, N_("Address")), MD_INLINE);
          g_string_append (out, ":** ");
          if (entry->url_is_link)
            {
              g_autofree char *safe = measures_uri_get_safe (entry->url);

              /* An autolink: angle brackets keep the address whole. */
              g_string_append_printf (out, "<%s>", safe);
            }
          else
            append_md_escaped (out, entry->url, MD_INLINE);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free_to_bytes (out);
}

/* CSV */

/* RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a
 * leading apostrophe, so it stays text. */
static void
append_csv_cell (GString    *out,
                 const char *value,
                 gboolean    first)
{
  const char *text = value != NULL ? value : "";

  if (!first)
    g_string_append_c (out, ',');

  g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (out, '\'');
  /* Runs without quotes are copied whole. */
  for (const char *p = text; *p != '\0';)
    {
      const char *quote = strchr (p, '"');
      gsize run = quote != NULL ? (gsize) (quote - p) + 1 : strlen (p);

      g_string_append_len (out, p, run);
      if (quote == NULL)
        break;
      g_string_append_c (out, '"');
      p = quote + 1;
    }
  g_string_append_c (out, '"');
}

static const char *
csv_localized (MeasuresLocalized *localized,
               const char        *lang)
{
  const char *text;

  if (localized == NULL)
    return NULL;

  text = measures_localized_get_exact (localized, lang);
  if (text == NULL && g_str_equal (lang, "en"))
    text = measures_localized_get_exact (localized, MEASURES_LANG_NEUTRAL);

  return text;
}

typedef struct
{
  GPtrArray *measures;
  guint from;
  guint to;
  GString *out;
} CsvPart;

/* The rows of measures @from to @to, in their own string. */
static gpointer
csv_rows (gpointer data)
{
  CsvPart *part = data;
  GString *out = part->out;

  for (guint i = part->from; i < part->to; i++)
    {
      MeasuresMeasure *m = g_ptr_array_index (part->measures, i);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *types = g_strjoinv ("; ", (char **) measures_measure_get_types (m));
      g_autofree char *forms = g_strjoinv ("; ", (char **) measures_measure_get_forms (m));
      MeasuresLocalized *texts[] = {
        measures_measure_get_title (m), measures_measure_get_description (m),
        measures_measure_get_source (m), measures_measure_get_more_info (m),
      };

      if (measures_measure_get_year_from (m) != MEASURES_YEAR_NONE)
        from = g_strdup_printf ("%d", measures_measure_get_year_from (m));
      if (measures_measure_get_year_to (m) != MEASURES_YEAR_NONE)
        to = g_strdup_printf ("%d", measures_measure_get_year_to (m));

      append_csv_cell (out, measures_measure_get_id (m), TRUE);
      append_csv_cell (out, measures_measure_get_country (m), FALSE);
      append_csv_cell (out, measures_measure_get_region (m), FALSE);
      append_csv_cell (out, from, FALSE);
      append_csv_cell (out, to, FALSE);
      append_csv_cell (out, types, FALSE);
      append_csv_cell (out, forms, FALSE);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          append_csv_cell (out, csv_localized (texts[t], "en"), FALSE);
          append_csv_cell (out, csv_localized (texts[t], "ro"), FALSE);
        }
      append_csv_cell (out, measures_measure_get_url (m), FALSE);
      g_string_append (out, "\r\n");
    }

  return NULL;
}

/**
 * measures_writer_csv:
 *
 * Returns: (transfer full): UTF-8 CSV, one row per measure, one column
 *   per field (English and Romanian texts in columns of their own)
 */
GBytes *
measures_writer_csv (GPtrArray *measures)
{
  static const char * const header[] = {
    "id", "country", "region", "year_from", "year_to", "types", "forms",
    "title_en", "title_ro", "description_en", "description_ro",
    "source_en", "source_ro", "more_info_en", "more_info_ro", "url",
  };
  /* Sized for records of about 2 KB, so that the text is seldom moved
   * as it grows; the second half of the rows is made on the other core. */
  GString *out = g_string_sized_new (4096 + (gsize) measures->len * 2048);
  guint half = measures->len >= 2048 ? measures->len / 2 : measures->len;
  CsvPart first = { measures, 0, half, out };
  CsvPart second = { measures, half, measures->len, NULL };
  GThread *thread = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_csv_cell (out, header[i], i == 0);
  g_string_append (out, "\r\n");

  if (half < measures->len)
    {
      second.out = g_string_sized_new ((gsize) (measures->len - half) * 2048);
      thread = g_thread_new ("measures-csv", csv_rows, &second);
    }
  csv_rows (&first);
  if (thread != NULL)
    {
      g_thread_join (thread);
      g_string_append_len (out, second.out->str, second.out->len);
      g_string_free (second.out, TRUE);
    }

  return g_string_free_to_bytes (out);
}

GBytes *
measures_writer_json (GPtrArray *measures)
{
  gsize length;
  char *text = measures_measure_list_to_json (measures, &length);

  return g_bytes_new_take (text, length);
}
