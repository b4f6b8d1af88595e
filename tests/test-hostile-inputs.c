/* test-hostile-inputs.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inputs no real dataset has, made at test time: each must load or be
 * refused with a message, never crash or hang (meson's timeout bounds
 * every test).
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "measures-file.h"
#include "measures-cache.h"
#include "measures-cli.h"
#include "measures-index.h"
#include "measures-loader.h"
#include "measures-text.h"

static MeasuresDataset *
load_string (const char *json,
             gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, length);

  return measures_loader_load_bytes (bytes, NULL, "hostile.json");
}

/* The record loads, and searching and indexing it work. */
static void
assert_loads (MeasuresDataset *dataset,
              guint            n)
{
  g_autoptr(MeasuresIndex) index = NULL;
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = NULL;

  g_assert_null (measures_dataset_get_error (dataset));
  g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, n);

  index = measures_index_new (measures_dataset_get_measures (dataset));
  measures_query_set_search (query, "a");
  result = measures_index_evaluate (index, query);
  g_assert_cmpuint (result->n_matches, <=, n);
}

static void
test_huge_description (void)
{
  gsize size = 50 * 1024 * 1024;
  g_autoptr(GString) json = g_string_sized_new (size + 100);
  g_autoptr(MeasuresDataset) dataset = NULL;

  g_string_append (json, "[{\"country\": \"A\", \"description\": \"");
  for (gsize i = 0; i < size / 10; i++)
    g_string_append (json, "ştiinţă a ");
  g_string_append (json, "\"}]");

  dataset = load_string (json->str, json->len);
  assert_loads (dataset, 1);
}

static void
test_many_forms (void)
{
  g_autoptr(GString) json = g_string_new ("[{\"country\": \"A\", \"forms\": [");
  g_autoptr(MeasuresDataset) dataset = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (json, "%s\"form %u\"", i > 0 ? "," : "", i);
  g_string_append (json, "]}]");

  dataset = load_string (json->str, json->len);
  assert_loads (dataset, 1);
  g_assert_cmpuint (g_strv_length ((char **) measures_measure_get_forms (g_ptr_array_index (measures_dataset_get_measures (dataset), 0))), ==, 100000);
}

/* A sparse file of @size bytes, made in no time, or NULL where the file
 * system cannot make one that large. */
static char *
make_sparse (const char *dir,
             guint64     size)
{
  char *path = g_build_filename (dir, "huge.json", NULL);
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  if (fseeko (out, (off_t) size - 1, SEEK_SET) != 0 || fputc ('[', out) != '[' || fclose (out) != 0)
    {
      g_unlink (path);
      g_free (path);
      return NULL;
    }

  return path;
}

/* The size limit is the memory of the machine, said in bytes. */
static void
test_larger_than_memory (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-huge-XXXXXX", NULL);
  guint64 limit = measures_loader_get_max_size ();
  g_autofree char *path = make_sparse (dir, limit + 1);
  g_autoptr(GFile) file = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autofree char *size = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *expected = NULL;

  if (path == NULL)
    {
      g_test_skip ("the file system cannot make a sparse file larger than the memory");
      g_rmdir (dir);
      return;
    }

  file = g_file_new_for_path (path);
  dataset = measures_loader_load_file (file, NULL);
  size = measures_format_byte_count (limit + 1);
  memory = measures_format_byte_count (limit);
  expected = g_strdup_printf ("the file is too large (%s bytes; this computer has %s bytes of memory)", size, memory);
  g_assert_nonnull (measures_dataset_get_error (dataset));
  g_assert_cmpstr (measures_dataset_get_error (dataset)->message, ==, expected);

  g_unlink (path);
  g_rmdir (dir);
}

/* A file of a gigabyte and a byte, which the loader once refused by its
 * size, is mapped and read like any other: this one is zeros, so it is
 * binary, found from its first bytes without reading the rest. */
static void
test_gigabyte_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-huge-XXXXXX", NULL);
  g_autofree char *path = make_sparse (dir, G_GUINT64_CONSTANT (1024) * 1024 * 1024 + 1);
  g_autoptr(GFile) file = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;

  g_assert_nonnull (path);
  file = g_file_new_for_path (path);
  dataset = measures_loader_load_file (file, NULL);
  g_assert_nonnull (measures_dataset_get_error (dataset));
  g_assert_cmpstr (measures_dataset_get_error (dataset)->message, ==, "this is a binary file, not a dataset");

  g_unlink (path);
  g_rmdir (dir);
}

/* Sizes in messages have every digit. */
static void
test_byte_count (void)
{
  const struct {
    guint64 count;
    const char *text;
  } cases[] = {
    { 0, "0" }, { 999, "999" }, { 1000, "1,000" }, { 1073742514, "1,073,742,514" },
    { G_MAXUINT64, "18,446,744,073,709,551,615" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = measures_format_byte_count (cases[i].count);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_broken_utf8 (void)
{
  const char *cases[] = {
    "[{\"country\": \"\xc3\"}]",              /* cut sequence */
    "[{\"country\": \"\xc0\xaf\"}]",          /* overlong */
    "[{\"country\": \"\xed\xa0\x80\"}]",      /* surrogate in UTF-8 */
    "[{\"country\": \"\xf4\x90\x80\x80\"}]",  /* beyond U+10FFFF */
    "[{\"country\": \"\xff\"}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MeasuresDataset) dataset = load_string (cases[i], strlen (cases[i]));

      g_assert_nonnull (measures_dataset_get_error (dataset));
      g_assert_true (g_str_has_prefix (measures_dataset_get_error (dataset)->message, "the file is not UTF-8 text"));
    }
}

static void
test_escapes (void)
{
  const struct {
    const char *json;
    guint loaded;
  } cases[] = {
    { "[{\"country\": \"\\ud83d\\ude00 emoji by escapes\"}]", 1 },
    { "[{\"country\": \"\\udc00 alone\"}]", 0 },
    { "[{\"country\": \"\\ud800\\u0041\"}]", 0 },
    { "[{\"country\": \"A\", \"title\": \"\\u0000\"}]", 0 },
    { "[{\"country\": \"A\", \"title\": \"\\u001b[31m\\u0007\"}]", 1 },
    /* json-glib keeps an escape that is no escape as text. */
    { "[{\"country\": \"A\", \"title\": \"\\uZZZZ\"}]", 1 },
    /* Half a pair at the end of a text, where json-glib fails. */
    { "[{\"country\": \"A\", \"title\": \"x \\ud800\"}]", 0 },
    /* An escaped backslash, then “ud800”, then a low half alone. */
    { "[{\"country\": \"A\", \"title\": \"\\\\ud800\\udc00\"}]", 0 },
    /* A key spelt with an escape is the key json-glib reads. */
    { "{\"measur\\u0065s\": [{\"country\": \"A\", \"title\": \"\\u0000\"}]}", 0 },
    { "{\"measur\\u0065s\": [{\"country\": \"A\"}]}", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MeasuresDataset) dataset = load_string (cases[i].json, strlen (cases[i].json));

      g_test_message ("%s", cases[i].json);
      g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, cases[i].loaded);
      g_assert_true (measures_dataset_get_error (dataset) != NULL ||
                     measures_dataset_get_problems (dataset)->len == 1 - cases[i].loaded);
    }
}

static void
test_floods (void)
{
  g_autoptr(GString) json = g_string_new ("[{\"country\": \"A\", \"title\": \"");
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  MeasuresMeasure *measure;

  /* Right-to-left marks and text, combining marks on one letter, emoji,
   * control characters and one 10,000-character word. */
  for (guint i = 0; i < 10000; i++)
    g_string_append (json, "\u202e\u05d0");
  g_string_append (json, "a");
  for (guint i = 0; i < 10000; i++)
    g_string_append (json, "\u0301");
  for (guint i = 0; i < 1000; i++)
    g_string_append (json, "\U0001F469\u200D\U0001F4BB");
  g_string_append (json, "\\t\\r\\b\\f ");
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (json, 'w');
  g_string_append (json, "\"}]");

  dataset = load_string (json->str, json->len);
  assert_loads (dataset, 1);
  measure = g_ptr_array_index (measures_dataset_get_measures (dataset), 0);
  blocks = measures_text_parse_blocks (measures_localized_resolve (measures_measure_get_title (measure), NULL, NULL));
  g_assert_cmpuint (blocks->len, >=, 1);
  /* The long word is found by its start. */
  {
    g_autoptr(MeasuresQuery) query = measures_query_new ();

    measures_query_set_search (query, "wwwww");
    g_assert_true (measures_query_matches (query, measure));
  }
}

static void
test_numbers_and_keys (void)
{
  const struct {
    const char *json;
    guint loaded;
  } cases[] = {
    { "[{\"country\": \"A\", \"year\": 99999999999}]", 0 },
    { "[{\"country\": \"A\", \"year\": -2019}]", 0 },
    { "[{\"country\": \"A\", \"year\": 1e308}]", 0 },
    /* Beyond any integer: their conversion would be undefined. */
    { "[{\"country\": \"A\", \"year\": 1e19}]", 0 },
    { "[{\"country\": \"A\", \"year\": -1e19}]", 0 },
    { "[{\"country\": \"A\", \"year\": 1e400}]", 0 },
    { "[{\"country\": \"A\", \"year\": {\"from\": -1e400}}]", 0 },
    { "[{\"country\": \"A\", \"year\": {\"from\": 2022, \"to\": 2019}}]", 0 },
    { "[{\"country\": \"A\", \"year\": 2019.0000001}]", 0 },
    /* A key given twice: the last wins, as in JSON parsers generally. */
    { "[{\"country\": \"A\", \"country\": \"B\"}]", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MeasuresDataset) dataset = load_string (cases[i].json, strlen (cases[i].json));

      g_test_message ("%s", cases[i].json);
      g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, cases[i].loaded);
    }
}

/* json-glib overflows its stack from about 70,000 levels, wherever they
 * are: after a first value, after a number or a text, after a comment.
 * None of these reaches it. */
static void
test_deep_anywhere (void)
{
  const struct {
    const char *before;
    const char *message;
  } cases[] = {
    { "\"x\"", "unexpected text after the data, at line 1, column 4" },
    { "1", "unexpected text after the data, at line 1, column 2" },
    { " \n \"x\" ", "unexpected text after the data, at line 2, column 6" },
    { "/* c */", "comments are not allowed in JSON, at line 1, column 1" },
    { "\n// c\n", "comments are not allowed in JSON, at line 2, column 1" },
    { "{\"measures\": [{\"country\": \"A\"}]}\n", "unexpected text after the data, at line 2, column 1" },
    { "[{\"country\": \"A\"}] ", "unexpected text after the data, at line 1, column 20" },
    { "[{\"country\": \"A\"}] \"]\" ", "unexpected text after the data, at line 1, column 20" },
    { "[{\"country\": \"A\", \"x\": ", "the data is nested more than 64 levels deep" },
    { "'\"' ", "neither JSON nor records that start with a “Country” line" },
    { "true", "neither JSON nor records that start with a “Country” line" },
    { "Some notes ", "neither JSON nor records that start with a “Country” line" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (cases[i].before);
      g_autoptr(MeasuresDataset) dataset = NULL;

      for (guint k = 0; k < 200000; k++)
        g_string_append_c (json, '[');

      g_test_message ("%s followed by 200,000 levels", cases[i].before);
      dataset = load_string (json->str, json->len);
      g_assert_nonnull (measures_dataset_get_error (dataset));
      g_assert_cmpstr (measures_dataset_get_error (dataset)->message, ==, cases[i].message);
      g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 0);
    }
}

/* A folder of things that are not files, made at test time: a FIFO with
 * no writer, a socket, devices, and links to them. */
typedef struct
{
  char *dir;
  char *fifo;
  char *socket;
  GSocket *listener;
} Specials;

static void
specials_init (Specials *self)
{
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;

  self->dir = g_dir_make_tmp ("measures-special-XXXXXX", &error);
  g_assert_no_error (error);

  self->fifo = g_build_filename (self->dir, "pipe.json", NULL);
  g_assert_cmpint (mkfifo (self->fifo, 0600), ==, 0);

  self->socket = g_build_filename (self->dir, "socket.json", NULL);
  address = g_unix_socket_address_new (self->socket);
  self->listener = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (self->listener, address, FALSE, &error));
  g_assert_no_error (error);
}

static char *
specials_link (Specials   *self,
               const char *name,
               const char *target)
{
  char *path = g_build_filename (self->dir, name, NULL);

  g_assert_cmpint (symlink (target, path), ==, 0);

  return path;
}

static void
specials_clear (Specials *self)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", self->dir);

  g_clear_object (&self->listener);
  g_assert_cmpint (system (command), ==, 0);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->fifo, g_free);
  g_clear_pointer (&self->socket, g_free);
}

/* Each is refused at once, with a message naming it: a FIFO would block
 * the load until a writer came, /dev/zero would be read until memory ran
 * out. meson's timeout would catch a hang. */
static void
test_special_files (void)
{
  Specials specials = { NULL, };
  g_autofree char *to_fifo = NULL;
  g_autofree char *to_zero = NULL;

  specials_init (&specials);
  to_fifo = specials_link (&specials, "link-to-pipe.json", specials.fifo);
  to_zero = specials_link (&specials, "link-to-zero.json", "/dev/zero");

  {
    const struct {
      const char *path;
      const char *message;
    } cases[] = {
      { specials.fifo, "this is a named pipe, not a file" },
      { to_fifo, "this is a named pipe, not a file" },
      { specials.socket, "this is a socket, not a file" },
      { "/dev/zero", "this is a device, not a file" },
      { "/dev/urandom", "this is a device, not a file" },
      { to_zero, "this is a device, not a file" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
        g_autofree char *name = g_file_get_parse_name (file);
        g_autofree char *expected = g_strdup_printf ("%s: %s\n", name, cases[i].message);
        g_autoptr(GString) out = g_string_new (NULL);
        g_autoptr(GString) err = g_string_new (NULL);

        g_test_message ("%s", cases[i].path);
        g_assert_cmpint (measures_cli_count (&file, 1, NULL, out, err), ==, MEASURES_EXIT_FAILURE);
        g_assert_cmpstr (err->str, ==, expected);
        g_assert_cmpstr (out->str, ==, "");
      }
  }

  specials_clear (&specials);
}

/* A FIFO or a device put in place of a file after its type was checked:
 * the reads take the type from what they opened, and never wait. */
static void
test_special_files_swapped (void)
{
  Specials specials = { NULL, };
  const char *paths[2];

  specials_init (&specials);
  paths[0] = specials.fifo;
  paths[1] = "/dev/zero";

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;
      guint64 fingerprint, size;

      g_assert_false (measures_file_read_all (file, measures_loader_get_max_size (), NULL, &contents, &length, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_clear_error (&error);

      g_assert_false (measures_cache_fingerprint_file (file, NULL, &fingerprint, &size, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    }

  /* A file that grew past the limit after its size was checked is not
   * read past it. */
  {
    g_autofree char *path = g_build_filename (specials.dir, "grown.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_set_contents (path, "[{\"country\": \"Romania\"}]", -1, NULL));
    g_assert_false (measures_file_read_all (file, 10, NULL, &contents, &length, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  }

  specials_clear (&specials);
}

static void
load_async_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  MeasuresCatalog **catalog = user_data;

  *catalog = measures_loader_load_finish (result, NULL);
  g_assert_nonnull (*catalog);
}

/* The window loads through measures_loader_load_async(), from the
 * command line or from the datasets it remembers: a FIFO among them is a
 * problem in its banner, at once, and the others load. */
static void
test_special_files_async (void)
{
  Specials specials = { NULL, };
  g_autofree char *good = NULL;
  g_autoptr(MeasuresCatalog) catalog = NULL;
  GFile *files[3];
  const MeasuresProblem *problem;

  specials_init (&specials);
  good = g_build_filename (specials.dir, "good.json", NULL);
  g_assert_true (g_file_set_contents (good, "[{\"country\": \"Romania\"}]", -1, NULL));
  files[0] = g_file_new_for_path (specials.fifo);
  files[1] = g_file_new_for_path ("/dev/zero");
  files[2] = g_file_new_for_path (good);

  measures_loader_load_async (files, 3, NULL, load_async_cb, &catalog);
  while (catalog == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (catalog->measures->len, ==, 1);
  g_assert_cmpuint (catalog->problems->len, ==, 2);
  problem = g_ptr_array_index (catalog->problems, 0);
  g_assert_true (g_str_has_suffix (problem->file, "pipe.json"));
  g_assert_cmpstr (problem->message, ==, "this is a named pipe, not a file");
  problem = g_ptr_array_index (catalog->problems, 1);
  g_assert_cmpstr (problem->file, ==, "/dev/zero");
  g_assert_cmpstr (problem->message, ==, "this is a device, not a file");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  specials_clear (&specials);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/huge-description", test_huge_description);
  g_test_add_func ("/hostile/many-forms", test_many_forms);
  g_test_add_func ("/hostile/larger-than-memory", test_larger_than_memory);
  g_test_add_func ("/hostile/gigabyte-file", test_gigabyte_file);
  g_test_add_func ("/hostile/byte-count", test_byte_count);
  g_test_add_func ("/hostile/broken-utf8", test_broken_utf8);
  g_test_add_func ("/hostile/escapes", test_escapes);
  g_test_add_func ("/hostile/floods", test_floods);
  g_test_add_func ("/hostile/numbers-and-keys", test_numbers_and_keys);
  g_test_add_func ("/hostile/deep-anywhere", test_deep_anywhere);
  g_test_add_func ("/hostile/special-files", test_special_files);
  g_test_add_func ("/hostile/special-files-swapped", test_special_files_swapped);
  g_test_add_func ("/hostile/special-files-async", test_special_files_async);

  return g_test_run ();
}
