/* measures-json-scan.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-json-scan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "measures-cache.h"
#include "measures-dataset.h"
#include "measures-error.h"
#include "measures-file.h"
#include "measures-json-scan-private.h"
#include "measures-text.h"
#include "measures-utf8-private.h"

/**
 * _measures_json_scan_clear:
 * @scan: what _measures_json_scan() filled
 *
 * Frees what @scan holds.
 */
void
_measures_json_scan_clear (MeasuresJsonScan *scan)
{
  g_clear_pointer (&scan->record_lines, g_array_unref);
  g_clear_pointer (&scan->record_columns, g_array_unref);
  g_clear_pointer (&scan->bad_records, g_hash_table_unref);
  g_clear_pointer (&scan->record_starts, g_array_unref);
  g_clear_pointer (&scan->record_ends, g_array_unref);
  g_clear_pointer (&scan->outside, g_ptr_array_unref);
  g_clear_pointer (&scan->bad_escapes, g_array_unref);
  g_clear_error (&scan->escape_error);
}

static int
hex4 (const char *p,
      const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;

  for (int i = 0; i < 4; i++)
    {
      guchar c = p[i];
      int digit = (guint) (c - '0') < 10 ? c - '0' : (guint) ((c | 0x20) - 'a') < 6 ? (c | 0x20) - 'a' + 10 : -1;

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* What a \u escape at @p makes, when it is not a character: \u0000,
 * which json-glib cuts the text at, or half of a surrogate pair, which it
 * turns into invalid UTF-8. *high_end is just past the last high half
 * that has its low half after it. */
typedef enum
{
  ESCAPE_OK,
  ESCAPE_NUL,
  ESCAPE_HALF,
} Escape;

static Escape
check_escape (const char  *p,
              const char  *end,
              const char **high_end,
              int         *unit)
{
  *unit = hex4 (p + 2, end);

  if (*unit == 0)
    return ESCAPE_NUL;

  if (*unit >= 0xD800 && *unit <= 0xDBFF)
    {
      int next = (p + 8 <= end && p[6] == '\\' && p[7] == 'u') ? hex4 (p + 8, end) : -1;

      if (next >= 0xDC00 && next <= 0xDFFF)
        {
          *high_end = p + 6;
          return ESCAPE_OK;
        }
      return ESCAPE_HALF;
    }

  if (*unit >= 0xDC00 && *unit <= 0xDFFF && *high_end != p)
    return ESCAPE_HALF;

  return ESCAPE_OK;
}

static char *
escape_message (Escape escape,
                int    unit)
{
  if (escape == ESCAPE_NUL)
    return g_strdup (_("a text holds the escape \\u0000, which is not allowed"));

  return g_strdup_printf (_("a text holds the escape \\u%04X, half of a character without its other half"), unit);
}

/* Whether the key between @start and @end, escapes and all, is @word, as
 * json-glib reads it: “measur\u0065s” is “measures”. */
static gboolean
key_is (const char *start,
        const char *end,
        const char *word)
{
  const char *p = start;

  for (; p < end && *word != '\0'; word++)
    {
      int c = (guchar) *p++;

      if (c == '\\' && p < end)
        {
          c = *p++;
          if (c == 'u')
            {
              c = hex4 (p, end);
              if (c < 0)
                return FALSE;
              p += 4;
            }
          else if (c != '"' && c != '\\' && c != '/')
            return FALSE;
        }
      if (c != *word)
        return FALSE;
    }

  return p == end && *word == '\0';
}

/* A \u escape outside the records: in a key of the root object or in
 * “format”, the file cannot be read as it is; in the value of another
 * key, which Measures ignores, the value is said to be ignored. */
static void
note_escape_outside (MeasuresJsonScan *scan,
                     Escape            escape,
                     int               unit,
                     gboolean          in_key,
                     gboolean          in_format,
                     const char       *key,
                     gsize             key_length,
                     guint             line,
                     guint             column)
{
  g_autofree char *what = escape_message (escape, unit);

  if (in_key || in_format)
    {
      if (scan->escape_error == NULL)
        {
          scan->escape_error = g_error_new (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                                            /* Translators: %s says what is wrong with a text,
                                             * %u are a line and a column */
                                            _("%s, at line %u, column %u"), what, line, column);
          scan->escape_error_in_format = in_format && !in_key;
        }
      return;
    }

  {
    /* A value before any key, in a file json-glib will refuse. */
    g_autofree char *name = key != NULL ? g_utf8_make_valid (key, key_length) : g_strdup ("");
    MeasuresProblem *problem;

    if (g_utf8_strlen (name, -1) > 40)
      {
        g_autofree char *cut = g_utf8_substring (name, 0, 40);

        g_free (name);
        name = g_strconcat (cut, "…", NULL);
      }

    problem = measures_problem_new ("", 0, NULL, NULL);
    /* Translators: %s is a key of the file, then what is wrong with it */
    problem->message = g_strdup_printf (_("“%s” was ignored: %s"), name, what);
    problem->line = line;
    problem->column = column;
    g_ptr_array_add (scan->outside, problem);
  }
}

/* How much is read before the pages of a mapped file are given back. */
#define RELEASE_SLICE ((gsize) 64 * 1024 * 1024)

static void scan_json (const char *data, gsize length, gboolean release, MeasuresJsonScan *scan);

/**
 * _measures_json_scan:
 * @data: JSON text
 * @length: its length in bytes
 * @scan: (out caller-allocates): what the scan finds; free it with
 *   _measures_json_scan_clear()
 *
 * Reads @data as json-glib will, to find what json-glib would get wrong
 * and where each record is.
 */
void
_measures_json_scan (const char       *data,
                     gsize             length,
                     MeasuresJsonScan *scan)
{
  scan_json (data, length, FALSE, scan);
}

/**
 * _measures_json_scan_releasing:
 *
 * As _measures_json_scan() of a read-only mapping of a file, whose pages
 * are given back to the kernel as the scan goes (see
 * measures_file_release()).
 */
void
_measures_json_scan_releasing (const char       *data,
                               gsize             length,
                               MeasuresJsonScan *scan)
{
  scan_json (data, length, TRUE, scan);
}

static void
scan_json (const char       *data,
           gsize             length,
           gboolean          release,
           MeasuresJsonScan *scan)
{
  const char *released = data;
  const char *end = data + length;
  const char *p = data;
  guint line = 1, column = 1;
  guint depth = 0;
  gboolean in_string = FALSE;
  gboolean root_is_array = FALSE;
  guint records_depth = 0;       /* depth of the records array, or 0 */
  gboolean expect_element = FALSE;
  const char *string_start = NULL;
  const char *high_end = NULL;
  gboolean started = FALSE;
  guint record = 0;
  guint current = 0;             /* the record the scan is in, or 0 */

  /* The keys of the root object, as they go by. */
  gboolean expect_key = FALSE;
  gboolean in_key = FALSE;
  const char *key = NULL;
  gsize key_length = 0;
  gboolean key_is_measures = FALSE;
  gboolean key_is_format = FALSE;
  gboolean key_noted = FALSE;

  memset (scan, 0, sizeof *scan);
  scan->record_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  scan->record_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  scan->bad_records = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  scan->record_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  scan->record_ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  scan->outside = g_ptr_array_new_with_free_func ((GDestroyNotify) measures_problem_free);
  scan->bad_escapes = g_array_new (FALSE, FALSE, sizeof (gsize));
  scan->simple = TRUE;

  for (; p < end; p++)
    {
      char c = *p;

      if (in_string)
        {
          /* Plain bytes of a text, most of a file, eight at a time. */
          while (end - p >= 8)
            {
              guint64 word, special;

              memcpy (&word, p, 8);
              special = _measures_zero_bytes (word ^ G_GUINT64_CONSTANT (0x2222222222222222)) |
                        _measures_zero_bytes (word ^ G_GUINT64_CONSTANT (0x5C5C5C5C5C5C5C5C)) |
                        _measures_zero_bytes (word ^ G_GUINT64_CONSTANT (0x0A0A0A0A0A0A0A0A));
              if (special != 0)
                {
                  guint plain = __builtin_ctzll (special) >> 3;

                  p += plain;
                  column += plain;
                  break;
                }
              p += 8;
              column += 8;
            }
          if (p == end)
            break;
          c = *p;

          if (c == '\\' && p + 1 < end)
            {
              int unit;
              Escape escape;

              if (p[1] == 'u' && scan->trailing_line == 0 &&
                  (escape = check_escape (p, end, &high_end, &unit)) != ESCAPE_OK)
                {
                  gsize offset = p - data;

                  g_array_append_val (scan->bad_escapes, offset);
                  if (current > 0 && !g_hash_table_contains (scan->bad_records, GUINT_TO_POINTER (current)))
                    g_hash_table_insert (scan->bad_records, GUINT_TO_POINTER (current),
                                         escape_message (escape, unit));
                  else if (current == 0 && !root_is_array && depth >= 1 && !key_noted)
                    {
                      note_escape_outside (scan, escape, unit, in_key, key_is_format,
                                           in_key ? string_start + 1 : key,
                                           in_key ? (gsize) (p - string_start - 1) : key_length,
                                           line, column);
                      key_noted = TRUE;
                    }
                }
              p++;
              column++;
            }
          else if (c == '"')
            {
              in_string = FALSE;
              /* A key of the root object: is it "measures"? A key given
               * twice counts as json-glib counts it, the last time. */
              if (in_key)
                {
                  in_key = FALSE;
                  expect_key = FALSE;
                  key = string_start + 1;
                  key_length = p - key;
                  key_is_measures = key_is (key, p, "measures");
                  key_is_format = key_is (key, p, "format");
                  if (key_is_format && scan->escape_error_in_format)
                    {
                      g_clear_error (&scan->escape_error);
                      scan->escape_error_in_format = FALSE;
                    }
                }
            }
          else if (c == '\n')
            {
              line++;
              column = 0;
            }
          column++;
          continue;
        }

      if (c == '\n')
        {
          line++;
          column = 1;
          continue;
        }

      if (c == ' ' || c == '\t' || c == '\r')
        {
          column++;
          continue;
        }

      if (c == '/' || c == '\'')
        {
          if (c == '\'')
            scan->stop = MEASURES_JSON_STOP_QUOTE;
          else if (p + 1 < end && (p[1] == '*' || p[1] == '/'))
            scan->stop = MEASURES_JSON_STOP_COMMENT;
          else
            scan->stop = MEASURES_JSON_STOP_SLASH;
          scan->stop_offset = p - data;
          scan->stop_line = line;
          scan->stop_column = column;
          scan->simple = FALSE;
          return;
        }

      /* Anything after the first complete value. json-glib reads on
       * through it, so its nesting counts too. */
      if (started && depth == 0 && scan->trailing_line == 0)
        {
          scan->trailing_line = line;
          scan->trailing_column = column;
          scan->simple = FALSE;
        }
      if (scan->trailing_line > 0)
        {
          if (c == '"')
            in_string = TRUE;
          else if ((c == '[' || c == '{') && ++depth > MEASURES_JSON_SCAN_MAX_DEPTH)
            {
              scan->too_deep = TRUE;
              return;
            }
          else if ((c == ']' || c == '}') && depth > 0)
            depth--;
          column++;
          continue;
        }

      if (records_depth > 0 && depth == records_depth && expect_element && c != ']')
        {
          gsize offset = p - data;

          current = ++record;
          if (release && (gsize) (p - released) >= RELEASE_SLICE)
            {
              measures_file_release (released, p - released);
              released = p;
            }
          g_array_append_val (scan->record_lines, line);
          g_array_append_val (scan->record_columns, column);
          g_array_append_val (scan->record_starts, offset);
          expect_element = FALSE;
          if (c != '{')
            scan->simple = FALSE;
        }
      else if (records_depth > 0 && depth == records_depth && !expect_element &&
               c != ',' && c != ']')
        scan->simple = FALSE;

      switch (c)
        {
        case '"':
          in_string = TRUE;
          string_start = p;
          started = TRUE;
          if (expect_key && depth == 1)
            {
              in_key = TRUE;
              key_noted = FALSE;
            }
          break;
        case '[':
        case '{':
          if (!started)
            root_is_array = c == '[';
          started = TRUE;
          if (++depth > MEASURES_JSON_SCAN_MAX_DEPTH)
            {
              scan->too_deep = TRUE;
              return;
            }
          if (depth == 1 && c == '{')
            expect_key = TRUE;
          if (c == '[' && ((root_is_array && depth == 1) || (!root_is_array && depth == 2 && key_is_measures)))
            {
              /* “measures” given again: json-glib keeps the last. */
              if (scan->records_end > 0 || record > 0)
                {
                  g_array_set_size (scan->record_lines, 0);
                  g_array_set_size (scan->record_columns, 0);
                  g_array_set_size (scan->record_starts, 0);
                  g_array_set_size (scan->record_ends, 0);
                  g_hash_table_remove_all (scan->bad_records);
                  record = 0;
                  scan->simple = FALSE;
                }
              records_depth = depth;
              expect_element = TRUE;
              scan->records_start = p - data;
              scan->root_is_array = root_is_array;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          if (records_depth > 0 && depth == records_depth && c == '}')
            {
              gsize offset = p + 1 - data;

              g_array_append_val (scan->record_ends, offset);
            }
          if (records_depth > 0 && depth < records_depth)
            {
              /* “[{…},]” */
              if (expect_element && record > 0)
                scan->simple = FALSE;
              records_depth = 0;
              current = 0;
              scan->records_end = p + 1 - data;
            }
          break;
        case ',':
          if (records_depth > 0 && depth == records_depth)
            {
              expect_element = TRUE;
              current = 0;
            }
          if (depth == 1 && !root_is_array)
            expect_key = TRUE;
          break;
        default:
          started = TRUE;
          break;
        }

      column++;
    }

  if (in_string || depth != 0 || scan->trailing_line > 0 || scan->records_end == 0 ||
      scan->record_starts->len != scan->record_ends->len)
    scan->simple = FALSE;
}

/**
 * _measures_json_scan_validate:
 * @mapped: whether @data maps a file, whose pages are given back to the
 *   kernel as the check goes
 * @fingerprint: (nullable): where every byte checked is fingerprinted, for
 *   the cache, while it is at hand
 * @bad: (out): where the text is not UTF-8
 *
 * Returns: whether the whole of @data is UTF-8 with no nul, checked a
 *   slice at a time
 */
gboolean
_measures_json_scan_validate (const char          *data,
                              gsize                length,
                              gboolean             mapped,
                              MeasuresFingerprint *fingerprint,
                              const char         **bad)
{
  const char *p = data, *end = data + length;

  while (p < end)
    {
      const char *cut = p + MIN ((gsize) (end - p), RELEASE_SLICE);

      /* Cut before an ASCII byte, where no character is cut in two. */
      while (cut < end && (guchar) *cut >= 0x80)
        cut++;
      if (!measures_utf8_validate (p, cut - p, bad))
        return FALSE;
      if (fingerprint != NULL)
        measures_fingerprint_update (fingerprint, p, cut - p);
      if (mapped)
        measures_file_release (p, cut - p);
      p = cut;
    }

  return TRUE;
}

/**
 * _measures_json_scan_is_safe:
 * @text: JSON text that did not come from a dataset, such as a cache's
 * @length: its length in bytes
 *
 * Returns: whether json-glib can be given @text: it is nested no deeper
 *   than %MEASURES_JSON_SCAN_MAX_DEPTH, anywhere, and holds nothing that
 *   json-glib reads otherwise than JSON does
 */
gboolean
_measures_json_scan_is_safe (const char *text,
                             gsize       length)
{
  MeasuresJsonScan scan;
  gboolean safe;

  _measures_json_scan (text, length, &scan);
  safe = !scan.too_deep && scan.stop == MEASURES_JSON_STOP_NONE;
  _measures_json_scan_clear (&scan);

  return safe;
}

/**
 * _measures_json_scan_parse_error:
 * @error: what json-glib said of a text it could not parse
 *
 * json-glib says "<data>:12:4: Parse error: unexpected …"; we say where,
 * in words, and what.
 *
 * Returns: (transfer full): the error to show
 */
GError *
_measures_json_scan_parse_error (const GError *error)
{
  const char *message = error->message;
  guint line = 0, column = 0;
  int consumed = 0;

  if (sscanf (message, "<data>:%u:%u: Parse error: %n", &line, &column, &consumed) == 2 && consumed > 0)
    return g_error_new (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                        /* Translators: %u are a line and a column, %s what is wrong */
                        _("not valid JSON at line %u, column %u: %s"), line, column, message + consumed);

  return g_error_new (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON, _("not valid JSON: %s"), message);
}

/**
 * _measures_json_scan_stop_error:
 * @scan: a scan that stopped at text json-glib reads otherwise than JSON
 *
 * Returns: (transfer full): the error to show
 */
GError *
_measures_json_scan_stop_error (const MeasuresJsonScan *scan)
{
  const char *what;

  if (scan->stop == MEASURES_JSON_STOP_COMMENT)
    return g_error_new (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                        /* Translators: %u are a line and a column */
                        _("comments are not allowed in JSON, at line %u, column %u"),
                        scan->stop_line, scan->stop_column);

  if (scan->stop == MEASURES_JSON_STOP_QUOTE)
    what = _("a text in single quotes; JSON texts are in double quotes");
  else
    what = _("unexpected “/”");

  return g_error_new (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                      _("not valid JSON at line %u, column %u: %s"),
                      scan->stop_line, scan->stop_column, what);
}

/**
 * _measures_json_scan_trailing_error:
 * @scan: a scan that found text after the first value
 *
 * Returns: (transfer full): the error to show
 */
GError *
_measures_json_scan_trailing_error (const MeasuresJsonScan *scan)
{
  return g_error_new (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                      /* Translators: %u:%u is a line and a column */
                      _("unexpected text after the data, at line %u, column %u"),
                      scan->trailing_line, scan->trailing_column);
}

/**
 * _measures_json_scan_too_deep_error:
 * @scan: a scan that found nesting too deep
 *
 * Nested too deep after the first value, the text after it is what is
 * wrong; json-glib is never asked.
 *
 * Returns: (transfer full): the error to show
 */
GError *
_measures_json_scan_too_deep_error (const MeasuresJsonScan *scan)
{
  if (scan->trailing_line > 0)
    return _measures_json_scan_trailing_error (scan);

  return g_error_new (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                      _("the data is nested more than %d levels deep"),
                      MEASURES_JSON_SCAN_MAX_DEPTH);
}

/**
 * _measures_json_scan_record_line:
 * @scan: a scan
 * @index: a record, from 1
 * @column: (out): the column its text starts at, or 0
 *
 * Returns: the line the text of record @index starts at, or 0 if there
 *   is no such record
 */
guint
_measures_json_scan_record_line (const MeasuresJsonScan *scan,
                                 guint                   index,
                                 guint                  *column)
{
  if (index == 0 || index > scan->record_lines->len)
    {
      *column = 0;
      return 0;
    }

  *column = g_array_index (scan->record_columns, guint, index - 1);

  return g_array_index (scan->record_lines, guint, index - 1);
}
