/* test-text.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "measures-store.h"
#include "measures-collate-private.h"
#include "measures-text.h"
#include "measures-utf8-private.h"

static void
test_fold_diacritics (void)
{
  const char *same[] = {
    "stiinta", "ȘTIINȚĂ", "Ştiinţă", "știință", "STIINTA", "ştiinţă",
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *folded = measures_fold (same[i]);

      g_assert_cmpstr (folded, ==, "stiinta");
    }
}

static void
test_fold_words (void)
{
  g_autofree char *words = measures_fold_words ("  Law No. 174/2018 — on Domestic-Violence; Î… ");
  g_autofree char *empty = measures_fold_words (" ,.;- ");

  g_assert_cmpstr (words, ==, "law no 174 2018 on domestic violence i");
  g_assert_cmpstr (empty, ==, "");
}

/* The fold of one character by its definition: its canonical
 * decomposition, without combining marks, case-folded. */
static void
reference_fold_char (GString  *out,
                     gunichar  c)
{
  char buf[8];
  int len = g_unichar_to_utf8 (c, buf);
  g_autofree char *decomposed = g_utf8_normalize (buf, len, G_NORMALIZE_NFD);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar d = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (d);
      g_autofree char *folded = NULL;

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      folded = g_utf8_casefold (p, g_utf8_next_char (p) - p);
      g_string_append (out, folded);
    }
}

/* The words of a text by their definition: the fold of the whole text,
 * then its runs of letters and digits, one space between them. */
static char *
reference_fold_words (const char *text,
                      char      **fold)
{
  g_autoptr(GString) folded = g_string_new (NULL);
  GString *words = g_string_new (NULL);
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    reference_fold_char (folded, g_utf8_get_char (p));

  for (const char *p = folded->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean alnum = g_unichar_isalnum (g_utf8_get_char (p));

      if (alnum && !in_word && words->len > 0)
        g_string_append_c (words, ' ');
      if (alnum)
        g_string_append_len (words, p, g_utf8_next_char (p) - p);
      in_word = alnum;
    }

  *fold = g_strdup (folded->str);

  return g_string_free (words, FALSE);
}

static void
check_fold (const char *text)
{
  g_autofree char *fold = NULL;
  g_autofree char *expected = reference_fold_words (text, &fold);
  g_autofree char *folded = measures_fold (text);
  g_autofree char *words = measures_fold_words (text);

  g_assert_cmpstr (folded, ==, fold);
  g_assert_cmpstr (words, ==, expected);
}

/* Every character below U+3100 (the fold table and past it), then one in
 * 61 up to the last, alone, twice and between letters; and texts that
 * mix them, words across the 256 bytes an iterator keeps on its stack. */
static void
test_fold_every_character (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);

  for (gunichar c = 1; c <= 0x10FFFF; c += c < 0x3100 ? 1 : 61)
    {
      char buf[8] = { 0, };
      g_autofree char *twice = NULL;
      g_autofree char *between = NULL;

      if (c >= 0xD800 && c <= 0xDFFF)
        continue;
      g_unichar_to_utf8 (c, buf);
      twice = g_strconcat (buf, buf, NULL);
      between = g_strconcat ("Ab", buf, "cD", NULL);
      check_fold (buf);
      check_fold (twice);
      check_fold (between);
    }

  for (guint round = 0; round < 2000; round++)
    {
      static const gunichar pool[] = {
        'a', 'Z', '0', ' ', '-', '/', 0x00DF, 0x0130, 0x0149, 0x01F0, 0x0218, 0x021B, 0x0301,
        0x0390, 0x03A3, 0x0419, 0x1E9E, 0x1F88, 0x2126, 0x212B, 0x2160, 0x3042, 0x4E2D, 0xFB01,
        0xFF21, 0x1D400, 0x1F600,
      };
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 600);

      for (guint i = 0; i < n; i++)
        g_string_append_unichar (text, pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))]);
      check_fold (text->str);
    }

  /* Mostly ASCII, as most texts are, which is read eight bytes at a time:
   * runs of every length, words across the stack, a letter of more than
   * a byte here and there. */
  for (guint round = 0; round < 2000; round++)
    {
      static const char ascii[] = "abcxyzABCXYZ0189 .,;:-_/@[`{~\t\n";
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, round % 10 == 0 ? 700 : 60);

      for (guint i = 0; i < n; i++)
        {
          guint pick = g_rand_int_range (rand, 0, 100);

          if (pick < 2)
            g_string_append (text, "ș");
          else if (pick < 70 || round % 10 == 0)
            g_string_append_c (text, ascii[g_rand_int_range (rand, 0, 18)]);
          else
            g_string_append_c (text, ascii[g_rand_int_range (rand, 0, sizeof ascii - 1)]);
        }
      check_fold (text->str);
    }
}

/* The iterator gives the words measures_fold_words() joins, each whole
 * however long. */
static void
test_fold_word_iter (void)
{
  g_autoptr(GString) text = g_string_new ("Șase  ");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  MeasuresWordIter iter;
  const char *word;
  gsize len;

  for (guint i = 0; i < 10000; i++)
    g_string_append (text, i % 2 == 0 ? "Ă" : "b");
  g_string_append (text, " ﬁn; ǰ");

  measures_word_iter_init (&iter, text->str);
  while (measures_word_iter_next (&iter, &word, &len))
    g_ptr_array_add (seen, g_strndup (word, len));
  measures_word_iter_clear (&iter);

  g_assert_cmpuint (seen->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "sase");
  g_assert_cmpuint (strlen (g_ptr_array_index (seen, 1)), ==, 10000);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (seen, 1), "abab"));
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "fin");
  g_assert_cmpstr (g_ptr_array_index (seen, 3), ==, "j");

  measures_word_iter_init (&iter, " ,.; ");
  g_assert_false (measures_word_iter_next (&iter, &word, &len));
  measures_word_iter_clear (&iter);
}

/* Words collected from texts are those of their folded words joined: the
 * same ids in the same order, cut at 255 bytes on a character boundary,
 * each once, across enough words for the table to grow. */
static void
test_words_collect_texts (void)
{
  g_autoptr(MeasuresWords) from_texts = measures_words_new ();
  g_autoptr(MeasuresWords) from_folded = measures_words_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (1802);

  for (guint record = 0; record < 300; record++)
    {
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);
      g_autofree char *joined = NULL;
      g_autofree char *folded = NULL;
      g_autofree guint32 *x = NULL;
      g_autofree guint32 *y = NULL;
      const char *texts[2];
      guint n_x, n_y;

      for (guint i = 0; i < 40; i++)
        g_string_append_printf (a, "Wörd%u ȘI-%u ", g_rand_int_range (rand, 0, 5000), i);
      for (guint i = 0; i < (record % 7 == 0 ? 300u : 3u); i++)
        g_string_append (b, record % 2 == 0 ? "ă" : "x");
      texts[0] = a->str;
      texts[1] = b->str;
      joined = g_strconcat (a->str, "\n", b->str, NULL);
      folded = measures_fold_words (joined);

      x = measures_words_collect_texts (from_texts, texts, 2, &n_x);
      y = measures_words_collect (from_folded, folded, &n_y);
      g_assert_cmpuint (n_x, ==, n_y);
      for (guint i = 0; i < n_x; i++)
        {
          g_assert_cmpuint (x[i], ==, y[i]);
          g_assert_cmpuint (strlen (measures_words_get_word (from_texts, x[i])), <=, MEASURES_WORD_MAX);
        }
    }

  g_assert_cmpuint (measures_words_get_n_words (from_texts), >, 4000);
  g_assert_cmpuint (measures_words_get_n_words (from_texts), ==, measures_words_get_n_words (from_folded));
  for (guint id = 0; id < measures_words_get_n_words (from_texts); id++)
    g_assert_cmpstr (measures_words_get_word (from_texts, id), ==, measures_words_get_word (from_folded, id));
}

/* The fast check says what GLib's says, and stops where it stops. */
static void
test_utf8_validate (void)
{
  static const char * const pieces[] = {
    "a", "plain ASCII text ", "\n", "ă", "ș", "€", "😀", "\xc3", "\xa9", "\xed\xa0\x80", "\xf4\x90\x80\x80",
    "\xc0\xaf", "\xff", "\xe2\x82", "\xf0\x9f\x98",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1803);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 40);
      const char *expected_end, *end;
      gboolean expected, valid;

      for (guint i = 0; i < n; i++)
        {
          guint piece = g_rand_int_range (rand, 0, round % 3 == 0 ? G_N_ELEMENTS (pieces) : 7);

          if (g_rand_int_range (rand, 0, 200) == 0)
            g_string_append_c (text, '\0');
          else
            g_string_append (text, pieces[piece]);
        }

      expected = g_utf8_validate_len (text->str, text->len, &expected_end);
      valid = measures_utf8_validate (text->str, text->len, &end);
      g_assert_cmpint (valid, ==, expected);
      g_assert_true (end == expected_end);
    }
}

static void
test_blocks (void)
{
  g_autoptr(GPtrArray) blocks =
    measures_text_parse_blocks ("First paragraph\ncontinues here.\n"
                                "- one\n"
                                "•  two\u00a0\n"
                                "\n"
                                "Second paragraph:\n"
                                "- three\n"
                                "\n\n"
                                "-not an item\n");
  const MeasuresBlock *block;

  g_assert_cmpuint (blocks->len, ==, 6);

  block = g_ptr_array_index (blocks, 0);
  g_assert_cmpint (block->kind, ==, MEASURES_BLOCK_PARAGRAPH);
  g_assert_cmpstr (block->text, ==, "First paragraph\ncontinues here.");

  block = g_ptr_array_index (blocks, 1);
  g_assert_cmpint (block->kind, ==, MEASURES_BLOCK_LIST_ITEM);
  g_assert_cmpstr (block->text, ==, "one");
  block = g_ptr_array_index (blocks, 2);
  g_assert_cmpint (block->kind, ==, MEASURES_BLOCK_LIST_ITEM);
  /* The no-break space at the end is dropped too. */
  g_assert_cmpstr (block->text, ==, "two");
  g_assert_cmpuint (block->list, ==, ((MeasuresBlock *) g_ptr_array_index (blocks, 1))->list);

  block = g_ptr_array_index (blocks, 3);
  g_assert_cmpint (block->kind, ==, MEASURES_BLOCK_PARAGRAPH);
  g_assert_cmpstr (block->text, ==, "Second paragraph:");

  block = g_ptr_array_index (blocks, 4);
  g_assert_cmpint (block->kind, ==, MEASURES_BLOCK_LIST_ITEM);
  g_assert_cmpstr (block->text, ==, "three");
  /* A new list after a paragraph. */
  g_assert_cmpuint (block->list, !=, ((MeasuresBlock *) g_ptr_array_index (blocks, 1))->list);

  block = g_ptr_array_index (blocks, 5);
  g_assert_cmpint (block->kind, ==, MEASURES_BLOCK_PARAGRAPH);
  g_assert_cmpstr (block->text, ==, "-not an item");
}

static void
test_blocks_empty (void)
{
  g_autoptr(GPtrArray) blocks = measures_text_parse_blocks ("\n \n\t\n");

  g_assert_cmpuint (blocks->len, ==, 0);
}

static void
test_format_period (void)
{
  g_autofree char *range = measures_format_period (2019, 2022);
  g_autofree char *single = measures_format_period (2018, 2018);
  g_autofree char *open = measures_format_period (2019, MEASURES_YEAR_NONE);
  g_autofree char *none = measures_format_period (MEASURES_YEAR_NONE, MEASURES_YEAR_NONE);

  g_assert_cmpstr (range, ==, "2019–2022");
  g_assert_cmpstr (single, ==, "2018");
  g_assert_cmpstr (open, ==, "since 2019");
  g_assert_cmpstr (none, ==, "");
}

static void
test_parse_period (void)
{
  const struct {
    const char *text;
    gboolean ok;
    int from, to;
  } cases[] = {
    { "2018", TRUE, 2018, 2018 },
    { " 2019 - 2022 ", TRUE, 2019, 2022 },
    { "2019-2022", TRUE, 2019, 2022 },
    { "2019–2022", TRUE, 2019, 2022 },
    { "2019 — 2022", TRUE, 2019, 2022 },
    { "2019-", TRUE, 2019, MEASURES_YEAR_NONE },
    { "2022 - 2019", FALSE, 0, 0 },
    { "twenty", FALSE, 0, 0 },
    { "2019 2022", FALSE, 0, 0 },
    { "2019-2022x", FALSE, 0, 0 },
    { "0", FALSE, 0, 0 },
    { "99999999999", FALSE, 0, 0 },
    { "-2010", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int from = -1, to = -1;
      gboolean ok = measures_parse_period (cases[i].text, &from, &to);

      g_test_message ("period “%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_cmpint (from, ==, cases[i].from);
          g_assert_cmpint (to, ==, cases[i].to);
        }
    }
}

static void
test_safe_uri (void)
{
  const struct {
    const char *uri;
    const char *safe;
  } cases[] = {
    { "https://evaw-global-database.unwomen.org/en/countries/europe/romania/2018/x",
      "https://evaw-global-database.unwomen.org/en/countries/europe/romania/2018/x" },
    { "http://legislatie.just.ro/Public/DetaliiDocument/247093",
      "http://legislatie.just.ro/Public/DetaliiDocument/247093" },
    { "HTTPS://example.org/", "https://example.org/" },
    { "file:///etc/passwd", NULL },
    { "javascript:alert(1)", NULL },
    { "data:text/html,<b>x</b>", NULL },
    { "ftp://example.org/", NULL },
    { "https://user:secret@example.org/", NULL },
    { "https:///nohost", NULL },
    { "not a uri", NULL },
  };

  g_assert_null (measures_uri_get_safe (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = measures_uri_get_safe (cases[i].uri);

      g_assert_cmpstr (safe, ==, cases[i].safe);
    }
}

static void
test_markup_matches (void)
{
  const char *words[] = { "stiint", "traf", NULL };
  const char *none[] = { NULL };
  g_autofree char *marked =
    measures_text_markup_matches ("<b>Ştiinţă</b> & trafficking, not “Traffic-jam” or atraf",
                                  words, "[", "]");
  g_autofree char *plain = measures_text_markup_matches ("a < b", none, "[", "]");
  g_autoptr(GArray) spans = measures_text_find_matches ("ȘTIINȚĂ și trafic", words);

  /* Escaped first, then marked; whole words, found through folding. */
  g_assert_cmpstr (marked, ==,
                   "&lt;b&gt;[Ştiinţă]&lt;/b&gt; &amp; [trafficking], not “[Traffic]-jam” or atraf");
  g_assert_cmpstr (plain, ==, "a &lt; b");

  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpuint (g_array_index (spans, MeasuresSpan, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (spans, MeasuresSpan, 0).end, ==, strlen ("ȘTIINȚĂ"));
}

static void
test_period_overlaps (void)
{
  /* 2019–2022 against ranges */
  g_assert_true (measures_period_overlaps (2019, 2022, 2022, 2030));
  g_assert_true (measures_period_overlaps (2019, 2022, MEASURES_YEAR_NONE, 2019));
  g_assert_false (measures_period_overlaps (2019, 2022, 2023, MEASURES_YEAR_NONE));
  g_assert_false (measures_period_overlaps (2019, 2022, 2000, 2018));
  /* Open-ended from 2015 runs on. */
  g_assert_true (measures_period_overlaps (2015, MEASURES_YEAR_NONE, 2090, 2095));
  g_assert_false (measures_period_overlaps (2015, MEASURES_YEAR_NONE, 2000, 2014));
  /* Undated overlaps nothing. */
  g_assert_false (measures_period_overlaps (MEASURES_YEAR_NONE, MEASURES_YEAR_NONE, 2000, 2030));
}

static void
test_show_bidi_controls (void)
{
  g_autofree char *override = measures_text_show_bidi_controls ("Report \u202egnp.exe");
  g_autofree char *all = measures_text_show_bidi_controls ("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069");
  g_autofree char *edges = measures_text_show_bidi_controls ("\u202ea\u202c");

  g_assert_cmpstr (override, ==, "Report [RLO]gnp.exe");
  g_assert_cmpstr (all, ==, "[LRE][RLE][PDF][LRO][RLO][LRI][RLI][FSI][PDI]");
  g_assert_cmpstr (edges, ==, "[RLO]a[PDF]");

  /* Nothing to show: marks, other characters of the same lead byte,
   * right-to-left text itself. */
  g_assert_null (measures_text_show_bidi_controls ("plain"));
  g_assert_null (measures_text_show_bidi_controls ("a\u200fb\u200e – “quoted” …"));
  g_assert_null (measures_text_show_bidi_controls ("\u0645\u0635\u0631 \u05e2\u05d1\u05e8\u05d9\u05ea"));
  g_assert_null (measures_text_show_bidi_controls (""));
}

static void
test_blank (void)
{
  const char *blank[] = {
    "", " ", "\t\n\r", "\u00a0", "\u200b", "\u2060\u200d\u200c", "\u202e\u200f",
    "\ufeff", "\u3000\u2003", "\u3164", "\u115f\u1160", "\u2800", " \ufe0f ", "\u2028\u2029",
  };
  const char *visible[] = {
    "Romania", " a ", "\u00a0Kenya", "\u200b.", "\u3164\u1100", "\u0301", "\U0001F600",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    g_assert_true (measures_text_is_blank (blank[i]));
  for (guint i = 0; i < G_N_ELEMENTS (visible); i++)
    g_assert_false (measures_text_is_blank (visible[i]));
}

/* Digits grouped by any grouping a locale can give, as glibc's printf
 * groups them with its ' flag. */
static void
test_group_digits (void)
{
  static const struct {
    guint64 n;
    const char *separator;
    const char *grouping;
    const char *expected;
  } cases[] = {
    { 0, ",", "\3", "0" },
    { 999, ",", "\3", "999" },
    { 1000, ",", "\3", "1,000" },
    { 1234567, ",", "\3", "1,234,567" },
    { 1234567, ".", "\3\3", "1.234.567" },
    { G_MAXUINT64, ",", "\3", "18,446,744,073,709,551,615" },
    /* India's lakh and crore: three, then twos. */
    { 123456789, ",", "\3\2", "12,34,56,789" },
    /* CHAR_MAX stops the grouping. */
    { 123456789, ",", "\3" "\x7f", "123456,789" },
    /* A separator of several bytes: a narrow no-break space. */
    { 1234567, "\u202f", "\3", "1\u202f234\u202f567" },
    /* No grouping at all, as the C locale. */
    { 1234567, "", "\3", "1234567" },
    { 1234567, ",", "", "1234567" },
    { 1234567, NULL, NULL, "1234567" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = measures_text_group_digits (cases[i].n, cases[i].separator, cases[i].grouping);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* What glibc's printf writes for @n with the ' flag, which the sources
 * no longer use: ISO C has no such flag. */
static char *
glibc_grouped (guint n)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wpedantic"
  return g_strdup_printf ("%'u", n);
#pragma GCC diagnostic pop
}

static char *locale_dir;

/* The Romanian locale, made with localedef in a folder of our own when
 * it is not installed, as test-vocabulary does. */
static gboolean
make_romanian_locale (void)
{
  g_autofree char *target = NULL;
  const char *argv[] = { "localedef", "-i", "ro_RO", "-f", "UTF-8", NULL, NULL };
  locale_t loc;
  int status;

  loc = newlocale (LC_NUMERIC_MASK, "ro_RO.UTF-8", (locale_t) 0);
  if (loc != (locale_t) 0)
    {
      freelocale (loc);
      return TRUE;
    }

  locale_dir = g_dir_make_tmp ("measures-locale-XXXXXX", NULL);
  target = g_build_filename (locale_dir, "ro_RO.UTF-8", NULL);
  argv[5] = target;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;

  g_setenv ("LOCPATH", locale_dir, TRUE);
  loc = newlocale (LC_NUMERIC_MASK, "ro_RO.UTF-8", (locale_t) 0);
  if (loc == (locale_t) 0)
    return FALSE;
  freelocale (loc);

  return TRUE;
}

static const guint counts[] = { 0, 7, 999, 1000, 12345, 1234567, G_MAXUINT };

/* Under LC_NUMERIC=C a count has no separators, as "%'u" writes it. */
static void
test_format_count_c (void)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (setlocale (LC_NUMERIC, "C"));
  text = measures_text_format_count (1234567);
  g_assert_cmpstr (text, ==, "1234567");

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *ours = measures_text_format_count (counts[i]);
      g_autofree char *glibc = glibc_grouped (counts[i]);

      g_assert_cmpstr (ours, ==, glibc);
    }

  if (setlocale (LC_NUMERIC, "C.UTF-8") != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
      {
        g_autofree char *ours = measures_text_format_count (counts[i]);
        g_autofree char *glibc = glibc_grouped (counts[i]);

        g_assert_cmpstr (ours, ==, glibc);
      }
  setlocale (LC_NUMERIC, "C");
}

/* In Romanian, set for this thread through newlocale() and for the
 * process through setlocale(), a count is grouped by dots. */
static void
test_format_count_romanian (void)
{
  locale_t romanian;
  locale_t previous;

  if (!make_romanian_locale ())
    {
      g_test_skip ("the ro_RO.UTF-8 locale is not available and localedef could not make it");
      return;
    }

  romanian = newlocale (LC_NUMERIC_MASK, "ro_RO.UTF-8", duplocale (LC_GLOBAL_LOCALE));
  g_assert_true (romanian != (locale_t) 0);
  previous = uselocale (romanian);
  {
    g_autofree char *text = measures_text_format_count (1234567);
    g_autofree char *small = measures_text_format_count (999);

    g_assert_cmpstr (text, ==, "1.234.567");
    g_assert_cmpstr (small, ==, "999");
    for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
      {
        g_autofree char *ours = measures_text_format_count (counts[i]);
        g_autofree char *glibc = glibc_grouped (counts[i]);

        g_assert_cmpstr (ours, ==, glibc);
      }
  }
  uselocale (previous);
  freelocale (romanian);

  g_assert_nonnull (setlocale (LC_NUMERIC, "ro_RO.UTF-8"));
  {
    g_autofree char *text = measures_text_format_count (G_MAXUINT);
    g_autofree char *glibc = glibc_grouped (G_MAXUINT);

    g_assert_cmpstr (text, ==, "4.294.967.295");
    g_assert_cmpstr (text, ==, glibc);
  }
  setlocale (LC_NUMERIC, "C");
}

/* Removes @path and, if it is a folder, all it holds: localedef
 * writes a folder of files and folders. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

/* What _measures_utf8_check_strings() must say of @blob: each string
 * between nuls valid as GLib has it, and a start after each nul. */
static gboolean
strings_oracle (const char *blob,
                gsize       length,
                guint64    *starts)
{
  gsize from = 0;

  starts[0] |= 1;
  for (gsize i = 0; i < length; i++)
    if (blob[i] == '\0')
      {
        if (!g_utf8_validate_len (blob + from, i - from, NULL))
          return FALSE;
        from = i + 1;
        starts[from >> 6] |= G_GUINT64_CONSTANT (1) << (from & 63);
      }

  return g_utf8_validate_len (blob + from, length - from, NULL);
}

static void
check_strings_agree (const char *blob,
                     gsize       length)
{
  gsize n = length / 64 + 2;
  g_autofree guint64 *expected = g_new0 (guint64, n);
  g_autofree guint64 *fast = g_new0 (guint64, n);
  g_autofree guint64 *plain = g_new0 (guint64, n);
  gboolean valid = strings_oracle (blob, length, expected);
  MeasuresFingerprint sums[3];

  for (guint i = 0; i < 3; i++)
    measures_fingerprint_init (&sums[i]);
  measures_fingerprint_update (&sums[2], blob, length);

  g_assert_cmpint (_measures_utf8_check_strings (blob, length, fast, &sums[0], NULL, FALSE), ==, valid);
  g_assert_cmpint (_measures_utf8_check_strings (blob, length, plain, &sums[1], NULL, TRUE), ==, valid);
  if (valid)
    {
      g_assert_cmpmem (fast, n * 8, expected, n * 8);
      g_assert_cmpmem (plain, n * 8, expected, n * 8);
      g_assert_cmpuint (measures_fingerprint_end (&sums[0]), ==, measures_fingerprint_end (&sums[2]));
      g_assert_cmpuint (measures_fingerprint_end (&sums[1]), ==, measures_fingerprint_end (&sums[2]));
    }
}

/* The check of a cache's strings, 32 bytes at a time where the
 * processor can, says what GLib says of every sequence of up to four
 * bytes around the bytes that decide UTF-8, at every place in a block of
 * 32, after ASCII and after other characters; and of random text. */
static void
test_utf8_check_strings (void)
{
  static const guchar interesting[] = {
    0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
  };
  static const char *contexts[] = { "", "ș", "€", "\xf0\x9f\x98\x80" };
  const guint n = G_N_ELEMENTS (interesting);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  char blob[160];

  for (guint code = 0; code < n * n * n * n; code++)
    {
      guchar sequence[4] = {
        interesting[code % n], interesting[code / n % n],
        interesting[code / n / n % n], interesting[code / n / n / n],
      };
      guint place = 24 + code % 13;
      const char *context = contexts[code / 7 % G_N_ELEMENTS (contexts)];
      gsize length;

      memset (blob, 'a', sizeof blob);
      blob[0] = '\0';
      memcpy (blob + place - strlen (context), context, strlen (context));
      memcpy (blob + place, sequence, 4);
      length = place + 4 + code % 40;
      blob[length - 1] = '\0';
      check_strings_agree (blob, length);
    }

  /* Random text of valid characters, some bytes then changed, of any
   * length, across many blocks and slices. */
  for (guint round = 0; round < 3000; round++)
    {
      static const char *pieces[] = { "a", "Z", " ", "\n", "ă", "ș", "Ț", "î", "€", "Ж", "\xf0\x9f\x98\x80", "" };
      g_autoptr(GString) text = g_string_new ("");
      guint n_pieces = g_rand_int_range (rand, 0, round < 2990 ? 300 : 60000);

      for (guint i = 0; i < n_pieces; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      g_string_append_c (text, '\0');
      if (round % 2 == 1)
        for (guint k = g_rand_int_range (rand, 1, 4); k > 0; k--)
          text->str[g_rand_int_range (rand, 0, text->len)] = (char) g_rand_int_range (rand, 0, 256);
      check_strings_agree (text->str, text->len);
    }
}

/* Collation keys order texts as g_utf8_collate() does, whichever way
 * each is made (from the table of characters' keys, the C library's at
 * once, or normalized first), in Romanian and in C.UTF-8. */
static void
check_collation (const char *locale)
{
  static const char *texts[] = {
    "", "a", "A", "ă", "Ă", "â", "b", "ab", "aă", "a b", "a-b", "ab.", "Ana", "ana", "Ăla",
    "Strategia națională", "Strategia nationala", "Strategia naţională", "Știință", "Stiinta", "ştiinţă",
    "Țara", "Tara", "Îndrumar", "Indrumar", "între", "Întâi", "zebra", "Zürich", "Łódź", "Ærø", "œuvre",
    "1", "10", "2", "½ lege", "ﬁnal", "final", "Ĳssel", "café", "cafe\xcc\x81", "Ж закон", "νόμος",
    "law 2018/174", "law (2018)", "Law  on", "\xf0\x9f\x98\x80 emoji",
  };
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_message ("no %s locale", locale);
      return;
    }

  /* Twice: the first texts are also checked against the C library. */
  for (guint round = 0; round < 2; round++)
    {
      g_ptr_array_set_size (keys, 0);
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        g_ptr_array_add (keys, measures_collate_key (texts[i]));

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
          {
            int ours = strcmp (g_ptr_array_index (keys, i), g_ptr_array_index (keys, k));
            int glib = g_utf8_collate (texts[i], texts[k]);

            if ((ours > 0) != (glib > 0) || (ours < 0) != (glib < 0))
              g_error ("in %s, “%s” and “%s” compare %d, GLib %d", locale, texts[i], texts[k], ours, glib);
          }
    }

  /* Every key made from the table is the C library's. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *normal = g_utf8_normalize (texts[i], -1, G_NORMALIZE_ALL_COMPOSE);
      gsize length = strxfrm (NULL, normal, 0);
      g_autofree char *libc = g_malloc (length + 1);

      strxfrm (libc, normal, length + 1);
      g_assert_cmpstr (g_ptr_array_index (keys, i), ==, libc);
    }

  /* In Romanian, Latin text is keyed from the table. */
  if (g_str_has_prefix (locale, "ro_RO"))
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autofree char *table = _measures_collate_table_key (texts[i]);

        if (g_str_equal (texts[i], "Strategia națională") || g_str_equal (texts[i], "a b"))
          g_assert_nonnull (table);
        if (table != NULL)
          g_assert_cmpstr (table, ==, g_ptr_array_index (keys, i));
      }

  setlocale (LC_ALL, saved);
}

static void
test_collate_key (void)
{
  check_collation ("C.UTF-8");
  if (!make_romanian_locale ())
    {
      g_test_skip ("the ro_RO.UTF-8 locale is not available and localedef could not make it");
      return;
    }
  check_collation ("ro_RO.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold/diacritics", test_fold_diacritics);
  g_test_add_func ("/text/fold/words", test_fold_words);
  g_test_add_func ("/text/fold/every-character", test_fold_every_character);
  g_test_add_func ("/text/fold/word-iter", test_fold_word_iter);
  g_test_add_func ("/text/words/collect-texts", test_words_collect_texts);
  g_test_add_func ("/text/utf8-validate", test_utf8_validate);
  g_test_add_func ("/text/utf8-check-strings", test_utf8_check_strings);
  g_test_add_func ("/text/collate-key", test_collate_key);
  g_test_add_func ("/text/blocks/lists-and-paragraphs", test_blocks);
  g_test_add_func ("/text/blocks/empty", test_blocks_empty);
  g_test_add_func ("/text/period/format", test_format_period);
  g_test_add_func ("/text/period/parse", test_parse_period);
  g_test_add_func ("/text/uri/safe", test_safe_uri);
  g_test_add_func ("/text/markup-matches", test_markup_matches);
  g_test_add_func ("/text/period/overlaps", test_period_overlaps);
  g_test_add_func ("/text/show-bidi-controls", test_show_bidi_controls);
  g_test_add_func ("/text/blank", test_blank);
  g_test_add_func ("/text/count/group-digits", test_group_digits);
  g_test_add_func ("/text/count/c-locale", test_format_count_c);
  g_test_add_func ("/text/count/romanian", test_format_count_romanian);

  status = g_test_run ();
  if (locale_dir != NULL)
    remove_tree (locale_dir);
  g_free (locale_dir);

  return status;
}
