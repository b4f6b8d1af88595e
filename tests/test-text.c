/* test-text.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "measures-text.h"

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

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold/diacritics", test_fold_diacritics);
  g_test_add_func ("/text/fold/words", test_fold_words);
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
