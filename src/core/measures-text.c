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

static inline gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The fold of one character: decomposed (NFD), combining marks dropped,
 * case-folded. At most G_UNICHAR_MAX_DECOMPOSITION_LENGTH characters of
 * at most three case-folded characters of four bytes each. */
#define FOLD_CHAR_MAX (G_UNICHAR_MAX_DECOMPOSITION_LENGTH * 3 * 4)

static gsize
fold_char_slow (gunichar  c,
                char     *out)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  gsize length = 0;

  for (gsize i = 0; i < n; i++)
    {
      char buf[8];
      g_autofree char *folded = NULL;
      int len;
      gsize folded_len;

      if (is_mark (decomposed[i]))
        continue;

      len = g_unichar_to_utf8 (decomposed[i], buf);
      folded = g_utf8_casefold (buf, len);
      folded_len = MIN (strlen (folded), FOLD_CHAR_MAX - length);
      memcpy (out + length, folded, folded_len);
      length += folded_len;
    }

  return length;
}

/* Folds of the characters below U+3000 (Latin, Greek, Cyrillic and the
 * rest of the alphabets records are written in), made once, with what
 * their characters are: letters and digits, which make words, or not. */
#define FOLD_TABLE_SIZE 0x3000
#define FOLD_MAX 14

typedef enum
{
  FOLD_EMPTY,                 /* a combining mark: nothing */
  FOLD_WORD,                  /* only letters and digits */
  FOLD_SEPARATOR,             /* neither */
  FOLD_MIXED,                 /* some of each: read character by character */
} FoldKind;

typedef struct
{
  guint8 len;                 /* G_MAXUINT8: too long for the table */
  guint8 kind;
  char text[FOLD_MAX];
} FoldEntry;

static gboolean
is_word_char (const char *p)
{
  if ((guchar) *p < 0x80)
    return g_ascii_isalnum (*p);

  return g_unichar_isalnum (g_utf8_get_char (p));
}

static FoldKind
fold_kind (const char *text,
           gsize       length)
{
  gboolean word = FALSE, separator = FALSE;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      if (is_word_char (p))
        word = TRUE;
      else
        separator = TRUE;
    }

  if (word && separator)
    return FOLD_MIXED;
  if (word)
    return FOLD_WORD;

  return separator ? FOLD_SEPARATOR : FOLD_EMPTY;
}

static const FoldEntry *
fold_table (void)
{
  static FoldEntry *table;
  static gsize made_once;

  if (g_once_init_enter (&made_once))
    {
      FoldEntry *made = g_new0 (FoldEntry, FOLD_TABLE_SIZE);

      for (gunichar c = 0x80; c < FOLD_TABLE_SIZE; c++)
        {
          char out[FOLD_CHAR_MAX];
          gsize len = fold_char_slow (c, out);

          if (len <= FOLD_MAX)
            {
              made[c].len = len;
              made[c].kind = fold_kind (out, len);
              memcpy (made[c].text, out, len);
            }
          else
            made[c].len = G_MAXUINT8;
        }

      table = made;
      g_once_init_leave (&made_once, 1);
    }

  return table;
}

/* ASCII folds to lower case; letters and digits make words. */
static const guint8 ascii_word[128] = {
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
  ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
  ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
  ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
  ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
  ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
  ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
  ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* A high bit in each byte of @word, all ASCII, from @lo to @hi. */
static inline guint64
ascii_range (guint64 word,
             char    lo,
             char    hi)
{
  guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  guint64 above_hi = word + ones * (0x7F - (guchar) hi);
  guint64 from_lo = word + ones * (0x80 - (guchar) lo);

  return from_lo & ~above_hi & G_GUINT64_CONSTANT (0x8080808080808080);
}

static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* The character of more than a byte at *@p, in valid UTF-8, and *@p past
 * it; a byte that is not, as U+FFFD, without reading past a nul. */
static inline gunichar
decode_char (const char **p)
{
  const guchar *s = (const guchar *) *p;
  guchar c = s[0];

  if (c >= 0xC0 && c < 0xE0 && (s[1] & 0xC0) == 0x80)
    {
      *p += 2;
      return ((gunichar) (c & 0x1F) << 6) | (s[1] & 0x3F);
    }
  if (c >= 0xE0 && c < 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
    {
      *p += 3;
      return ((gunichar) (c & 0x0F) << 12) | ((gunichar) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
  if (c >= 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80)
    {
      *p += 4;
      return ((gunichar) (c & 0x07) << 18) | ((gunichar) (s[1] & 0x3F) << 12) |
             ((gunichar) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }

  *p += 1;
  return 0xFFFD;
}

/* The fold of the character at @p, into @buf unless the table has it:
 * its bytes and kind. */
static const char *
fold_char (const FoldEntry *table,
           gunichar         c,
           char            *buf,
           gsize           *len,
           FoldKind        *kind)
{
  if (c < FOLD_TABLE_SIZE && table[c].len != G_MAXUINT8)
    {
      *len = table[c].len;
      *kind = table[c].kind;
      return table[c].text;
    }

  *len = fold_char_slow (c, buf);
  *kind = fold_kind (buf, *len);

  return buf;
}

/**
 * measures_fold_append:
 * @out: where the folded text goes
 * @text: valid UTF-8
 *
 * Folds @text for comparison: decomposes it (NFD), drops combining
 * marks and case-folds it, so "ȘTIINȚĂ", "Ştiinţă" and "stiinta" fold
 * the same. ASCII takes a fast path and other common characters come
 * from a table; g_utf8_normalize() on whole texts is several times
 * slower (see PLATFORM.md).
 */
void
measures_fold_append (GString    *out,
                      const char *text)
{
  const FoldEntry *table = NULL;
  const char *p = text;

  while (*p != '\0')
    {
      const char *run = p;
      char buf[FOLD_CHAR_MAX];
      const char *folded;
      gsize len;
      FoldKind kind;
      gunichar c;

      /* A run of ASCII at a time, lowered in place. */
      while ((guchar) *p < 0x80 && *p != '\0')
        p++;
      if (p > run)
        {
          gsize at = out->len;

          g_string_append_len (out, run, p - run);
          for (char *q = out->str + at; q < out->str + out->len; q++)
            *q = ascii_lower (*q);
          continue;
        }

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);

      if (table == NULL)
        table = fold_table ();

      folded = fold_char (table, c, buf, &len, &kind);
      g_string_append_len (out, folded, len);
    }
}

char *
measures_fold (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  measures_fold_append (out, text);

  return g_string_free (out, FALSE);
}

/* A word always has this many bytes after it that can be written, and
 * read: eight bytes at a time, and a fold from the table, are written
 * whole, and a word can be read to a multiple of eight bytes. */
#define WORD_SLACK 16

static void
word_iter_grow (MeasuresWordIter *iter,
                gsize             more)
{
  gsize capacity = MAX (2 * iter->capacity, iter->len + more + WORD_SLACK);

  if (iter->word == iter->stack)
    {
      iter->word = g_malloc (capacity);
      memcpy (iter->word, iter->stack, iter->len);
    }
  else
    iter->word = g_realloc (iter->word, capacity);
  iter->capacity = capacity;
}

/**
 * measures_word_iter_init:
 * @iter: (out caller-allocates): an iterator
 * @text: valid UTF-8, which must outlive @iter
 *
 * Goes through the folded words of @text, as measures_fold_words()
 * gives them, without making the folded text: each word is a maximal run
 * of letters and digits of the fold (see measures_fold_append()).
 * Release @iter with measures_word_iter_clear().
 */
void
measures_word_iter_init (MeasuresWordIter *iter,
                         const char       *text)
{
  iter->p = text;
  iter->end = text + strlen (text);
  iter->table = NULL;
  iter->pending = NULL;
  iter->pending_end = NULL;
  iter->word = iter->stack;
  iter->len = 0;
  iter->capacity = sizeof iter->stack;
}

/**
 * measures_word_iter_next:
 * @iter: an iterator
 * @word: (out) (transfer none): the next folded word, not nul-terminated,
 *   valid until the next call; it can be read to a multiple of eight
 *   bytes past its length
 * @length: (out): its length in bytes
 *
 * Returns: %FALSE when there are no more words
 */
gboolean
measures_word_iter_next (MeasuresWordIter  *iter,
                         const char       **word,
                         gsize             *length)
{
  const char *p = iter->p;

  iter->len = 0;

  for (;;)
    {
      gunichar c;
      const char *folded;
      gsize len;
      FoldKind kind;

      /* What is left of a character whose fold mixes letters and other
       * characters, one character of it at a time. */
      while (iter->pending < iter->pending_end)
        {
          const char *next = g_utf8_next_char (iter->pending);
          gboolean in_word = is_word_char (iter->pending);

          if (in_word)
            {
              memcpy (iter->word + iter->len, iter->pending, next - iter->pending);
              iter->len += next - iter->pending;
              if (iter->len + WORD_SLACK > iter->capacity)
                word_iter_grow (iter, 0);
            }
          iter->pending = next;
          if (!in_word && iter->len > 0)
            goto found;
        }

      /* ASCII, most of any text, eight bytes at a time while they are
       * all ASCII: letters and digits found and lowered at once. */
      while (iter->end - p >= 8 && (guchar) *p < 0x80)
        {
          guint64 bytes, upper, lower, digit, in_word;
          guint n;

          memcpy (&bytes, p, 8);
          if ((bytes & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
          upper = ascii_range (bytes, 'A', 'Z');
          lower = ascii_range (bytes, 'a', 'z');
          digit = ascii_range (bytes, '0', '9');
          in_word = upper | lower | digit;

          if (iter->len == 0)
            {
              /* Between words: skip what is not one. */
              if (in_word == 0)
                {
                  p += 8;
                  continue;
                }
              n = __builtin_ctzll (in_word) >> 3;
              p += n;
              if (n > 0)
                continue;
            }

          /* Within a word: the letters and digits up to its end. */
          n = in_word == G_GUINT64_CONSTANT (0x8080808080808080)
                ? 8 : (guint) __builtin_ctzll (~in_word & G_GUINT64_CONSTANT (0x8080808080808080)) >> 3;
          bytes |= upper >> 2;
          memcpy (iter->word + iter->len, &bytes, 8);
          iter->len += n;
          if (G_UNLIKELY (iter->len + WORD_SLACK > iter->capacity))
            word_iter_grow (iter, 0);
          p += n;
          if (n < 8)
            {
              p++;
              goto found;
            }
        }

      /* The rest of ASCII, a byte at a time. */
      while ((guchar) *p < 0x80)
        {
          char b = *p;

          if (b == '\0')
            goto end;
          p++;
          if (ascii_word[(guchar) b])
            {
              iter->word[iter->len++] = ascii_lower (b);
              if (G_UNLIKELY (iter->len + WORD_SLACK > iter->capacity))
                word_iter_grow (iter, 0);
            }
          else if (iter->len > 0)
            goto found;
        }

      c = decode_char (&p);
      if (iter->table == NULL)
        iter->table = fold_table ();
      folded = fold_char ((const FoldEntry *) iter->table, c, iter->buf, &len, &kind);

      switch (kind)
        {
        case FOLD_EMPTY:
          break;
        case FOLD_WORD:
          /* A fold from the table is copied whole, in one move. */
          if (len <= FOLD_MAX && folded != iter->buf)
            memcpy (iter->word + iter->len, folded, FOLD_MAX);
          else
            {
              if (iter->len + len + WORD_SLACK > iter->capacity)
                word_iter_grow (iter, len);
              memcpy (iter->word + iter->len, folded, len);
            }
          iter->len += len;
          if (G_UNLIKELY (iter->len + WORD_SLACK > iter->capacity))
            word_iter_grow (iter, 0);
          break;
        case FOLD_SEPARATOR:
          if (iter->len > 0)
            goto found;
          break;
        case FOLD_MIXED:
        default:
          if (folded != iter->buf)
            memcpy (iter->buf, folded, len);
          iter->pending = iter->buf;
          iter->pending_end = iter->buf + len;
          break;
        }
    }

end:
  iter->p = p;
  if (iter->len == 0)
    return FALSE;
  *word = iter->word;
  *length = iter->len;
  return TRUE;

found:
  iter->p = p;
  *word = iter->word;
  *length = iter->len;
  return TRUE;
}

void
measures_word_iter_clear (MeasuresWordIter *iter)
{
  if (iter->word != iter->stack)
    g_free (iter->word);
  iter->word = iter->stack;
  iter->len = 0;
}

/**
 * measures_fold_words:
 * @text: valid UTF-8
 *
 * Returns: the folded words of @text, each a maximal run of letters and
 *   digits, separated by single spaces
 */
char *
measures_fold_words (const char *text)
{
  MeasuresWordIter iter;
  const char *word;
  gsize len;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  measures_word_iter_init (&iter, text);
  while (measures_word_iter_next (&iter, &word, &len))
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, word, len);
    }
  measures_word_iter_clear (&iter);

  return g_string_free (out, FALSE);
}

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
