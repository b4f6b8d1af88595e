/* measures-fold.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-text"

#include "config.h"

#include <string.h>

#include "measures-text.h"
#include "measures-utf8-private.h"

/* Folding text for search, and cutting it into words: a character
 * decomposed, its marks dropped and its case folded, so that "Ştiinţă",
 * "ȘTIINȚĂ" and "stiinta" are one word. The rest of the text helpers
 * are measures-text.c's. */

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
