/* measures-text.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "measures-text.h"
#include "measures-utf8-private.h"

/**
 * measures_utf8_validate:
 * @text: bytes
 * @length: how many
 * @end: (out) (optional): where the valid text ends
 *
 * As g_utf8_validate_len(), with the same answer and the same @end (a
 * nul byte is not valid), eight bytes at a time through ASCII, which
 * most of a dataset is, and other characters without a call each.
 *
 * Returns: whether @text is valid UTF-8 with no nul byte
 */
gboolean
measures_utf8_validate (const char  *text,
                        gsize        length,
                        const char **end)
{
  const char *p = text;
  const char *stop = text + length;

  while (p < stop)
    {
      /* Eight bytes at a time: the ASCII ones, up to a character of more
       * than a byte, which is then checked; a nul is checked bytewise. */
      while (stop - p >= 8)
        {
          guint64 word, high;
          guint ascii;
          const guchar *next;

          memcpy (&word, p, 8);
          if (_measures_zero_bytes (word) != 0)
            break;
          high = word & G_GUINT64_CONSTANT (0x8080808080808080);
          if (high == 0)
            {
              p += 8;
              continue;
            }
          ascii = __builtin_ctzll (high) >> 3;
          p += ascii;
          do
            {
              if ((next = _measures_utf8_next ((const guchar *) p, (const guchar *) stop)) == NULL)
                {
                  if (end != NULL)
                    *end = p;
                  return FALSE;
                }
              p = (const char *) next;
            }
          while (p < stop && (guchar) *p >= 0x80);
        }
      if (p == stop)
        break;

      if ((guchar) *p < 0x80)
        {
          if (*p == '\0')
            {
              if (end != NULL)
                *end = p;
              return FALSE;
            }
          p++;
          continue;
        }

      /* A character of more than a byte: where it is wrong is where
       * GLib says the valid text ends. */
      {
        const guchar *next = _measures_utf8_next ((const guchar *) p, (const guchar *) stop);

        if (next == NULL)
          {
            if (end != NULL)
              *end = p;
            return FALSE;
          }
        p = (const char *) next;
      }
    }

  if (end != NULL)
    *end = stop;

  return TRUE;
}

static void
block_free (gpointer data)
{
  MeasuresBlock *block = data;

  g_free (block->text);
  g_free (block);
}

/* Strips white space at both ends, no-break spaces included, in place. */
static char *
strip_unicode (char *line)
{
  char *start = line;
  char *end;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  *end = '\0';

  return start;
}

static const char *
list_item_text (const char *line)
{
  static const char * const markers[] = { "- ", "• ", NULL };

  for (guint i = 0; markers[i] != NULL; i++)
    if (g_str_has_prefix (line, markers[i]))
      return line + strlen (markers[i]);

  return NULL;
}

/**
 * measures_text_parse_blocks:
 * @text: a description in the plain-text form of docs/data-format.md
 *
 * Splits @text into paragraphs and list items. A line that starts with
 * "- " or "• " is a list item; blank lines end paragraphs; other lines
 * that follow one another form one paragraph, joined by line breaks.
 * Leading and trailing white space of each line is dropped.
 *
 * Returns: (transfer full) (element-type MeasuresBlock): the blocks
 */
GPtrArray *
measures_text_parse_blocks (const char *text)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (block_free);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) paragraph = g_string_new (NULL);
  guint list = 0;
  gboolean in_list = FALSE;

  g_return_val_if_fail (text != NULL, blocks);

  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; ; i++)
    {
      char *line = lines[i] != NULL ? strip_unicode (lines[i]) : NULL;
      const char *item = line != NULL ? list_item_text (line) : NULL;
      gboolean ends_paragraph = line == NULL || *line == '\0' || item != NULL;

      if (ends_paragraph && paragraph->len > 0)
        {
          MeasuresBlock *block = g_new0 (MeasuresBlock, 1);

          block->kind = MEASURES_BLOCK_PARAGRAPH;
          block->text = g_strdup (paragraph->str);
          g_ptr_array_add (blocks, block);
          g_string_truncate (paragraph, 0);
        }

      if (line == NULL)
        break;

      if (item != NULL)
        {
          MeasuresBlock *block = g_new0 (MeasuresBlock, 1);

          if (!in_list)
            list++;
          in_list = TRUE;

          block->kind = MEASURES_BLOCK_LIST_ITEM;
          block->text = g_strdup (strip_unicode ((char *) item));
          block->list = list;
          g_ptr_array_add (blocks, block);
        }
      else if (*line != '\0')
        {
          in_list = FALSE;
          if (paragraph->len > 0)
            g_string_append_c (paragraph, '\n');
          g_string_append (paragraph, line);
        }
      else
        in_list = FALSE;
    }

  return blocks;
}

/**
 * measures_format_period:
 * @from: the first year, or %MEASURES_YEAR_NONE
 * @to: the last year, or %MEASURES_YEAR_NONE for an open period
 *
 * Returns: (transfer full): "2019–2022", "2018", "since 2019", or an
 *   empty string when there is no year
 */
char *
measures_format_period (int from,
                        int to)
{
  if (from == MEASURES_YEAR_NONE)
    return g_strdup ("");

  if (to == MEASURES_YEAR_NONE)
    /* Translators: a period that has a start year and no end */
    return g_strdup_printf (_("since %d"), from);

  if (to == from)
    return g_strdup_printf ("%d", from);

  /* An en dash joins the years of a range. */
  return g_strdup_printf ("%d–%d", from, to);
}

static gboolean
parse_year (const char  *p,
            const char **end,
            int         *year)
{
  char *e;
  gint64 value;

  if (!g_ascii_isdigit (*p))
    return FALSE;

  value = g_ascii_strtoll (p, &e, 10);
  if (value < MEASURES_YEAR_MIN || value > MEASURES_YEAR_MAX)
    return FALSE;

  *year = (int) value;
  *end = e;

  return TRUE;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;

  return p;
}

static const char *
skip_dash (const char *p)
{
  static const char * const dashes[] = { "-", "–", "—", "‐", "‑", "−", NULL };

  for (guint i = 0; dashes[i] != NULL; i++)
    if (g_str_has_prefix (p, dashes[i]))
      return p + strlen (dashes[i]);

  return NULL;
}

/**
 * measures_parse_period:
 * @text: "2018", "2019 - 2022", "2019-2022", "2019–2022" or "2019-"
 * @from: (out): the first year
 * @to: (out): the last year, or %MEASURES_YEAR_NONE if open
 *
 * Returns: %TRUE if @text is a year or a period of years in order
 */
gboolean
measures_parse_period (const char *text,
                       int        *from,
                       int        *to)
{
  const char *p = skip_spaces (text);
  const char *after;
  int first, last;

  if (!parse_year (p, &p, &first))
    return FALSE;

  p = skip_spaces (p);
  if (*p == '\0')
    {
      *from = *to = first;
      return TRUE;
    }

  if ((after = skip_dash (p)) == NULL)
    return FALSE;

  p = skip_spaces (after);
  if (*p == '\0')
    {
      *from = first;
      *to = MEASURES_YEAR_NONE;
      return TRUE;
    }

  if (!parse_year (p, &p, &last) || *skip_spaces (p) != '\0' || last < first)
    return FALSE;

  *from = first;
  *to = last;

  return TRUE;
}

/**
 * measures_uri_get_safe:
 * @uri: (nullable): an address from a record
 *
 * Only http and https addresses with a host and without credentials are
 * offered as links; anything else is shown as plain text.
 *
 * Returns: (transfer full) (nullable): the address to open, or %NULL
 */
char *
measures_uri_get_safe (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  if (uri == NULL)
    return NULL;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return NULL;

  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "http") != 0 &&
      g_ascii_strcasecmp (scheme, "https") != 0)
    return NULL;

  if (g_uri_get_host (parsed) == NULL || *g_uri_get_host (parsed) == '\0' ||
      g_uri_get_userinfo (parsed) != NULL)
    return NULL;

  return g_uri_to_string (parsed);
}

/**
 * measures_period_overlaps:
 * @from: the first year of a measure, or %MEASURES_YEAR_NONE
 * @to: its last year, or %MEASURES_YEAR_NONE when open-ended
 * @range_from: the first year wanted, or %MEASURES_YEAR_NONE for no bound
 * @range_to: the last year wanted, or %MEASURES_YEAR_NONE for no bound
 *
 * A measure without a year overlaps no range; an open-ended one runs to
 * today and beyond.
 *
 * Returns: whether the measure's period and the range share a year
 */
gboolean
measures_period_overlaps (int from,
                          int to,
                          int range_from,
                          int range_to)
{
  if (from == MEASURES_YEAR_NONE)
    return FALSE;
  if (range_to != MEASURES_YEAR_NONE && from > range_to)
    return FALSE;
  if (range_from != MEASURES_YEAR_NONE && to != MEASURES_YEAR_NONE && to < range_from)
    return FALSE;

  return TRUE;
}

/* Characters that draw nothing: spaces of every width, controls, format
 * characters (zero-width spaces and joiners, direction marks, the
 * byte-order mark), variation selectors, and the letters that are blank
 * by design (Hangul fillers, Khmer inherent vowels, the braille blank). */
static gboolean
is_invisible (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      break;
    }

  return c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 ||
         (c >= 0x180B && c <= 0x180F) || c == 0x2800 || c == 0x3164 ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFFA0 || (c >= 0xE0000 && c <= 0xE0FFF);
}

/**
 * measures_text_is_blank:
 * @text: valid UTF-8
 *
 * Returns: whether @text shows nothing: it is empty or holds only
 *   spaces (U+00A0 too) and characters that draw nothing, such as U+200B
 */
gboolean
measures_text_is_blank (const char *text)
{
  g_return_val_if_fail (text != NULL, TRUE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_invisible (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * measures_text_has_word_prefix:
 * @words: folded words separated by single spaces
 * @prefix: a folded word
 *
 * Returns: whether @prefix is the start of some word of @words
 */
gboolean
measures_text_has_word_prefix (const char *words,
                               const char *prefix)
{
  if (*prefix == '\0')
    return TRUE;

  for (const char *p = words; (p = strstr (p, prefix)) != NULL; p++)
    if (p == words || p[-1] == ' ')
      return TRUE;

  return FALSE;
}

/* The explicit directional formatting characters: embeddings, overrides
 * and isolates, and the marks that end them. */
static const char *
bidi_control_name (gunichar c)
{
  switch (c)
    {
    case 0x202A: return "LRE";
    case 0x202B: return "RLE";
    case 0x202C: return "PDF";
    case 0x202D: return "LRO";
    case 0x202E: return "RLO";
    case 0x2066: return "LRI";
    case 0x2067: return "RLI";
    case 0x2068: return "FSI";
    case 0x2069: return "PDI";
    default: return NULL;
    }
}

/**
 * measures_text_show_bidi_controls:
 * @text: valid UTF-8, as a record gives it
 *
 * A right-to-left override in a title makes "gnp.exe" read "exe.png":
 * record text is shown with each explicit directional formatting
 * character (U+202A–U+202E, U+2066–U+2069) written as its name in
 * brackets, such as "[RLO]", so that none reorders the text unseen.
 * Marks (U+200E, U+200F) and the text itself are left as they are.
 *
 * Returns: (transfer full) (nullable): @text so written, or %NULL when
 *   @text holds none of them
 */
char *
measures_text_show_bidi_controls (const char *text)
{
  GString *shown = NULL;
  const char *from = text;

  /* All of them are E2 80 AA–AE or E2 81 A6–A9 in UTF-8. */
  for (const char *p = text; (p = strchr (p, '\xe2')) != NULL; p++)
    {
      const char *name = bidi_control_name (g_utf8_get_char (p));

      if (name == NULL)
        continue;
      if (shown == NULL)
        shown = g_string_new (NULL);
      g_string_append_len (shown, from, p - from);
      g_string_append_printf (shown, "[%s]", name);
      p += 2;
      from = p + 1;
    }

  if (shown == NULL)
    return NULL;
  g_string_append (shown, from);

  return g_string_free (shown, FALSE);
}

/**
 * measures_text_find_matches:
 * @text: valid UTF-8, as a record gives it
 * @words: (nullable): folded search words
 *
 * Finds the words of @text that a search for @words matched: each
 * maximal run of letters and digits whose folded form starts with one
 * of @words.
 *
 * Returns: (transfer full) (element-type MeasuresSpan): byte ranges of
 *   @text, in order
 */
GArray *
measures_text_find_matches (const char         *text,
                            const char * const *words)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (MeasuresSpan));
  const char *p = text;

  if (words == NULL || words[0] == NULL)
    return spans;

  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;
      g_autofree char *folded = NULL;

      if (!g_unichar_isalnum (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      word = g_strndup (start, p - start);
      folded = measures_fold_words (word);

      for (guint i = 0; words[i] != NULL; i++)
        if (measures_text_has_word_prefix (folded, words[i]))
          {
            MeasuresSpan span = { start - text, p - text };

            g_array_append_val (spans, span);
            break;
          }
    }

  return spans;
}

/**
 * measures_text_markup_matches:
 * @text: valid UTF-8, as a record gives it
 * @words: (nullable): folded search words
 * @open_tag: the Pango markup that starts a highlight
 * @close_tag: the markup that ends it
 *
 * Returns: (transfer full): Pango markup showing @text literally, with
 *   every matched word between @open_tag and @close_tag; all of @text is
 *   escaped before anything is marked
 */
char *
measures_text_markup_matches (const char         *text,
                              const char * const *words,
                              const char         *open_tag,
                              const char         *close_tag)
{
  g_autoptr(GArray) spans = measures_text_find_matches (text, words);
  GString *out = g_string_new (NULL);
  gsize done = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const MeasuresSpan *span = &g_array_index (spans, MeasuresSpan, i);
      g_autofree char *before = g_markup_escape_text (text + done, span->start - done);
      g_autofree char *match = g_markup_escape_text (text + span->start, span->end - span->start);

      g_string_append_printf (out, "%s%s%s%s", before, open_tag, match, close_tag);
      done = span->end;
    }

  {
    g_autofree char *rest = g_markup_escape_text (text + done, -1);

    g_string_append (out, rest);
  }

  return g_string_free (out, FALSE);
}

/**
 * measures_text_join_alternatives:
 * @items: (array zero-terminated=1): the choices
 *
 * Returns: (transfer full): "a", "a or b", "a, b or c", in the
 *   interface's language
 */
char *
measures_text_join_alternatives (const char * const *items)
{
  g_autoptr(GString) head = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (items != NULL, NULL);

  n = g_strv_length ((char **) items);
  if (n < 2)
    return g_strdup (n == 1 ? items[0] : "");

  for (guint i = 0; i + 1 < n; i++)
    g_string_append_printf (head, "%s%s", i > 0 ? ", " : "", items[i]);

  /* Translators: the last two of a list of choices, “pdf, html or md”,
   * “en or ro”; the others are joined by commas */
  return g_strdup_printf (_("%s or %s"), head->str, items[n - 1]);
}

/**
 * measures_text_group_digits:
 * @n: a number
 * @separator: (nullable): what goes between groups of digits, for
 *   example "," or "." or a narrow no-break space
 * @grouping: (nullable): the sizes of the groups from the right, one
 *   byte each, as in `struct lconv`: the last size repeats, and
 *   %CHAR_MAX or a negative size ends the grouping
 *
 * Writes @n in decimal digits grouped by @grouping. An empty or %NULL
 * @separator or @grouping writes the digits alone, as the C locale does.
 *
 * Returns: (transfer full): the digits of @n, grouped
 */
char *
measures_text_group_digits (guint64     n,
                            const char *separator,
                            const char *grouping)
{
  char digits[24];
  GString *out;
  gsize len;
  gsize sep_len;
  gsize mark[24];
  guint n_marks = 0;
  gsize size;

  len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, n);
  if (separator == NULL || *separator == '\0' || grouping == NULL ||
      *grouping == '\0' || *grouping == CHAR_MAX || *grouping < 0)
    return g_strdup (digits);

  /* Where a separator goes, counted in digits from the right, as
   * glibc's printf groups with the ' flag. */
  size = (guchar) *grouping++;
  for (gsize from_right = size; from_right < len; from_right += size)
    {
      mark[n_marks++] = from_right;
      if (*grouping == CHAR_MAX || *grouping < 0)
        break;
      if (*grouping != '\0')
        size = (guchar) *grouping++;
    }

  sep_len = strlen (separator);
  out = g_string_sized_new (len + n_marks * sep_len);
  for (gsize i = 0; i < len; i++)
    {
      if (n_marks > 0 && len - i == mark[n_marks - 1])
        {
          g_string_append_len (out, separator, sep_len);
          n_marks--;
        }
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * measures_text_format_count:
 * @n: a count
 *
 * Writes @n with the digit grouping of the current LC_NUMERIC locale,
 * "1,234,567" in English, "1.234.567" in Romanian and "1234567" in the
 * C locale: what glibc's printf writes for "%'u", which ISO C lacks.
 * Messages take it as a "%s", and ngettext() still chooses their
 * plural by @n. Safe to call from any thread while no thread changes
 * the locale.
 *
 * Returns: (transfer full): the digits of @n, grouped
 */
char *
measures_text_format_count (guint64 n)
{
#ifdef GROUPING
  return measures_text_group_digits (n, nl_langinfo (THOUSEP), nl_langinfo (GROUPING));
#else
  const struct lconv *conv = localeconv ();

  return measures_text_group_digits (n, conv->thousands_sep, conv->grouping);
#endif
}

/**
 * measures_csv_append_cell:
 * @out: the CSV being written
 * @value: (nullable): the cell's text; %NULL for an empty cell
 * @first: whether it is the first cell of its row
 *
 * Appends a cell, quoted as RFC 4180 quotes. A cell a spreadsheet would
 * run as a formula gets a leading apostrophe, so that it stays text.
 */
void
measures_csv_append_cell (GString    *out,
                          const char *value,
                          gboolean    first)
{
  const char *text = value != NULL ? value : "";

  if (!first)
    g_string_append_c (out, ',');

  g_string_append_c (out, '"');
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
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
