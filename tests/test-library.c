/* test-library.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "measures-library.h"
#include "measures-query.h"

/* The user's library: what it keeps, its file, what it does with a file
 * it cannot read, Undo, and that a process killed while it saves leaves
 * the old state or the new one, whole. */

/* A folder on the disk the build is on, where syncing a file takes the
 * time it takes for users (not a tmpfs). */
static char *
make_folder (void)
{
  g_autofree char *template = g_test_build_filename (G_TEST_BUILT, "library-XXXXXX", NULL);
  char *dir = g_mkdtemp (g_steal_pointer (&template));

  g_assert_nonnull (dir);

  return dir;
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static GFile *
library_file (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "measures", "library.json", NULL);

  return g_file_new_for_path (path);
}

/* The names in @dir/measures starting with @prefix. */
static GPtrArray *
list_names (const char *dir,
            const char *prefix)
{
  g_autofree char *folder = g_build_filename (dir, "measures", NULL);
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (names, g_strdup (name));

  return names;
}

static void
remove_all (const char *dir)
{
  g_autofree char *folder = g_build_filename (dir, "measures", NULL);

  remove_folder (folder);
  remove_folder (dir);
}

static void
write_file (GFile      *file,
            const char *contents)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_file_peek_path (folder), 0700);
  g_file_set_contents (g_file_peek_path (file), contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_text (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (g_file_peek_path (file), &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
fill (MeasuresLibrary *library)
{
  const char *two[] = { "ro-law", "md-data", NULL };
  const char *three[] = { "ro-law", "ke-open", "gone-from-the-data", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autofree char *report = NULL;
  g_autofree char *search = NULL;
  g_autoptr(JsonObject) object = NULL;

  g_assert_cmpuint (measures_library_set_starred (library, two, TRUE), ==, 2);
  report = measures_library_create_collection (library, "Report 2027", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measures_library_add_to_collection (library, report, three), ==, 3);
  measures_library_set_note (library, "ro-law", "Why it matters.\n\nSecond paragraph: ș ț ă î â.");
  measures_query_set_search (query, "stalking");
  measures_query_set_starred (query, TRUE);
  object = measures_query_to_json (query);
  search = measures_library_add_search (library, "Starred stalking", object, &error);
  g_assert_no_error (error);
}

static void
check_filled (MeasuresLibrary *library)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autofree const char **members = NULL;
  const char *report;
  guint n;

  g_assert_true (measures_library_is_starred (library, "ro-law"));
  g_assert_true (measures_library_is_starred (library, "md-data"));
  g_assert_false (measures_library_is_starred (library, "ke-open"));
  g_assert_cmpuint (measures_library_get_n_starred (library), ==, 2);

  g_assert_cmpuint (measures_library_get_n_collections (library), ==, 1);
  report = measures_library_find_collection (library, "REPORT 2027");
  g_assert_nonnull (report);
  g_assert_cmpstr (measures_library_get_collection_name (library, report), ==, "Report 2027");
  members = measures_library_list_collection (library, report, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (members[0], ==, "ro-law");
  g_assert_cmpstr (members[1], ==, "ke-open");
  g_assert_cmpstr (members[2], ==, "gone-from-the-data");

  g_assert_cmpstr (measures_library_get_note (library, "ro-law"), ==,
                   "Why it matters.\n\nSecond paragraph: ș ț ă î â.");
  g_assert_cmpuint (measures_library_get_n_notes (library), ==, 1);

  g_assert_cmpuint (measures_library_get_n_searches (library), ==, 1);
  g_assert_cmpstr (measures_library_get_search_name (library, measures_library_get_search (library, 0)), ==,
                   "Starred stalking");
  g_assert_true (measures_query_assign_json (query,
                                             measures_library_get_search_query (library,
                                                                                measures_library_get_search (library, 0)),
                                             NULL));
  g_assert_cmpstr (measures_query_get_search (query), ==, "stalking");
  g_assert_true (measures_query_get_starred (query));
}

/* Everything comes back from the file, in its format, marks on measures
 * no dataset has included. */
static void
test_round_trip (void)
{
  g_autofree char *dir = make_folder ();
  g_autoptr(GFile) file = library_file (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  {
    g_autoptr(MeasuresLibrary) library = measures_library_new (file);

    measures_library_open (library);
    g_assert_null (measures_library_get_problem (library));
    g_assert_true (measures_library_get_writable (library));
    /* Nothing is written before anything changes. */
    g_assert_false (g_file_query_exists (file, NULL));
    fill (library);
    g_assert_true (measures_library_get_dirty (library));
    g_assert_true (measures_library_save (library, &error));
    g_assert_no_error (error);
    g_assert_false (measures_library_get_dirty (library));
  }

  text = read_text (file);
  g_assert_nonnull (strstr (text, "\"format\" : \"measures-library-1\""));

  {
    g_autoptr(MeasuresLibrary) library = measures_library_new (file);

    g_assert_true (measures_library_read (library, &error));
    g_assert_no_error (error);
    check_filled (library);
  }

  remove_all (dir);
}

/* Every change is written within a second, by the main loop alone. */
static void
test_saved_soon (void)
{
  g_autofree char *dir = make_folder ();
  g_autoptr(GFile) file = library_file (dir);
  g_autoptr(MeasuresLibrary) library = measures_library_new (file);
  g_autoptr(MeasuresLibrary) again = measures_library_new (file);
  const char *one[] = { "ro-law", NULL };
  gint64 start;

  measures_library_open (library);
  start = g_get_monotonic_time ();
  measures_library_set_starred (library, one, TRUE);
  while (measures_library_get_dirty (library) && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("Written after %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_false (measures_library_get_dirty (library));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  g_assert_true (measures_library_read (again, NULL));
  g_assert_true (measures_library_is_starred (again, "ro-law"));

  /* A note typed key by key is written while it is typed. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *text = g_strnfill (i + 1, 'a');

      measures_library_set_note (library, "ro-law", text);
      g_usleep (30 * 1000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  while (measures_library_get_dirty (library))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (measures_library_read (again, NULL));
  g_assert_cmpuint (strlen (measures_library_get_note (again, "ro-law")), ==, 40);

  g_clear_object (&library);
  remove_all (dir);
}

static void
check_set_aside (const char *contents,
                 GQuark      domain,
                 int         code,
                 const char *reason,
                 gboolean    keeps)
{
  g_autofree char *dir = make_folder ();
  g_autoptr(GFile) file = library_file (dir);
  g_autoptr(GPtrArray) aside = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("library.json.%s-", reason);
  const char *one[] = { "ke-open", NULL };

  write_file (file, contents);

  /* Read only: the file stays as it is, and nothing is set aside. */
  {
    g_autoptr(MeasuresLibrary) library = measures_library_new (file);
    g_autofree char *text = NULL;

    g_assert_false (measures_library_read (library, &error));
    g_assert_error (error, domain, code);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "library.json"));
    g_clear_error (&error);
    g_assert_cmpuint (measures_library_get_n_starred (library), ==, 0);
    text = read_text (file);
    g_assert_cmpstr (text, ==, contents);
  }

  /* Opened: set aside under a name that says why, and told. */
  {
    g_autoptr(MeasuresLibrary) library = measures_library_new (file);
    g_autofree char *kept = NULL;
    const GError *problem;

    measures_library_open (library);
    problem = measures_library_get_problem (library);
    g_assert_nonnull (problem);
    g_assert_true (problem->domain == domain && problem->code == code);
    g_assert_nonnull (measures_library_get_set_aside (library));
    kept = read_text (measures_library_get_set_aside (library));
    g_assert_cmpstr (kept, ==, contents);
    aside = list_names (dir, prefix);
    g_assert_cmpuint (aside->len, ==, 1);
    g_assert_nonnull (strstr (problem->message, g_ptr_array_index (aside, 0)));

    /* What could be read is kept. */
    g_assert_cmpint (measures_library_is_starred (library, "ro-law"), ==, keeps);

    /* And the app goes on: changes are written to a new file. */
    measures_library_set_starred (library, one, TRUE);
    g_assert_true (measures_library_save (library, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(MeasuresLibrary) library = measures_library_new (file);
    g_autoptr(GPtrArray) still = list_names (dir, prefix);
    g_autofree char *path = g_build_filename (dir, "measures", g_ptr_array_index (still, 0), NULL);
    g_autofree char *kept = NULL;

    g_assert_true (measures_library_read (library, &error));
    g_assert_no_error (error);
    g_assert_true (measures_library_is_starred (library, "ke-open"));
    g_assert_cmpint (measures_library_is_starred (library, "ro-law"), ==, keeps);
    g_assert_cmpuint (still->len, ==, 1);
    g_file_get_contents (path, &kept, NULL, NULL);
    g_assert_cmpstr (kept, ==, contents);
  }

  remove_all (dir);
}

static void
test_damaged (void)
{
  check_set_aside ("{\"format\": \"measures-library-1\", \"starred\": [\"ro-law\"",
                   MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_DAMAGED, "damaged", FALSE);
  check_set_aside ("\xff\xfe garbage", MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_DAMAGED, "damaged", FALSE);
  check_set_aside ("", MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_DAMAGED, "damaged", FALSE);
  check_set_aside ("[1, 2]", MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_DAMAGED, "damaged", FALSE);
  /* One part wrong: the rest is kept. */
  check_set_aside ("{\"format\": \"measures-library-1\", \"starred\": [\"ro-law\"],"
                   " \"notes\": {\"md-data\": {\"text\": 12}}}",
                   MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_DAMAGED, "damaged", TRUE);
  check_set_aside ("{\"format\": \"measures-library-1\", \"starred\": [\"ro-law\"],"
                   " \"collections\": [{\"id\": \"c\", \"name\": \"\"}]}",
                   MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_DAMAGED, "damaged", TRUE);
}

static void
test_later_version (void)
{
  check_set_aside ("{\"format\": \"measures-library-2\", \"starred\": [\"ro-law\"]}",
                   MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_NEWER_VERSION, "later-version", FALSE);
}

/* The message names the file and the place in it. */
static void
test_damaged_message (void)
{
  g_autofree char *dir = make_folder ();
  g_autoptr(GFile) file = library_file (dir);
  g_autoptr(MeasuresLibrary) library = measures_library_new (file);
  g_autoptr(GError) error = NULL;

  write_file (file, "{\"format\": \"measures-library-1\", \"collections\": [{\"id\": \"a\", \"name\": \"A\","
              " \"measures\": [\"x\", 3]}]}");
  g_assert_false (measures_library_read (library, &error));
  g_assert_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "library.json"));
  g_assert_nonnull (strstr (error->message, "collections[0].measures[1]"));

  remove_all (dir);
}

static void
test_names (void)
{
  g_autoptr(MeasuresLibrary) library = measures_library_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = measures_library_create_collection (library, "  Raport național ", &error);
  g_autofree char *other = NULL;
  g_autofree char *long_name = g_strnfill (201, 'x');
  char *none;

  g_assert_no_error (error);
  g_assert_cmpstr (measures_library_get_collection_name (library, report), ==, "Raport național");

  none = measures_library_create_collection (library, "RAPORT NATIONAL", &error);
  g_assert_null (none);
  g_assert_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_BAD_NAME);
  g_clear_error (&error);
  none = measures_library_create_collection (library, " \t", &error);
  g_assert_null (none);
  g_assert_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_BAD_NAME);
  g_clear_error (&error);
  none = measures_library_create_collection (library, long_name, &error);
  g_assert_null (none);
  g_assert_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_BAD_NAME);
  g_clear_error (&error);

  other = measures_library_create_collection (library, "Other", &error);
  g_assert_no_error (error);
  g_assert_false (measures_library_rename_collection (library, other, "raport national", &error));
  g_assert_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_BAD_NAME);
  g_clear_error (&error);
  /* Its own name, in another case, is its own. */
  g_assert_true (measures_library_rename_collection (library, report, "RAPORT naţional", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (measures_library_get_collection_name (library, report), ==, "RAPORT naţional");
  g_assert_false (measures_library_rename_collection (library, "no-such-id", "X", &error));
  g_assert_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_NOT_FOUND);
}

static void
count_changes (MeasuresLibrary *library,
               guint            what,
               guint           *seen)
{
  *seen |= what;
}

static void
test_undo (void)
{
  g_autoptr(MeasuresLibrary) library = measures_library_new (NULL);
  g_autoptr(JsonObject) object = json_object_new ();
  const char *three[] = { "a", "b", "c", NULL };
  g_autofree char *first = measures_library_create_collection (library, "First", NULL);
  g_autofree char *report = measures_library_create_collection (library, "Report", NULL);
  g_autofree char *last = measures_library_create_collection (library, "Last", NULL);
  g_autofree char *search = measures_library_add_search (library, "Saved", object, NULL);
  g_autofree char *taken = NULL;
  g_auto(GStrv) of_b = NULL;
  guint seen = 0;

  g_signal_connect (library, "changed", G_CALLBACK (count_changes), &seen);
  measures_library_add_to_collection (library, report, three);
  measures_library_set_note (library, "b", "A note");
  g_assert_false (measures_library_can_undo (library));

  g_assert_true (measures_library_delete_collection (library, report));
  g_assert_null (measures_library_get_collection_name (library, report));
  g_assert_cmpuint (measures_library_get_n_collections (library), ==, 2);
  g_assert_true (measures_library_delete_note (library, "b"));
  g_assert_null (measures_library_get_note (library, "b"));
  g_assert_true (measures_library_delete_search (library, search));
  g_assert_cmpuint (measures_library_get_n_searches (library), ==, 0);

  /* The last first. */
  seen = 0;
  g_assert_true (measures_library_undo (library));
  g_assert_cmpuint (seen, ==, MEASURES_LIBRARY_CHANGE_SEARCHES);
  g_assert_cmpstr (measures_library_get_search_name (library, search), ==, "Saved");
  seen = 0;
  g_assert_true (measures_library_undo (library));
  g_assert_cmpuint (seen, ==, MEASURES_LIBRARY_CHANGE_NOTES);
  g_assert_cmpstr (measures_library_get_note (library, "b"), ==, "A note");

  /* Where it was, with its measures, under its id; its name was taken
   * meanwhile, so it has a number. */
  taken = measures_library_create_collection (library, "report", NULL);
  g_assert_nonnull (taken);
  g_assert_true (measures_library_undo (library));
  g_assert_cmpstr (measures_library_get_collection (library, 1), ==, report);
  g_assert_cmpstr (measures_library_get_collection_name (library, report), ==, "Report (2)");
  g_assert_cmpuint (measures_library_get_collection_size (library, report), ==, 3);
  of_b = measures_library_dup_collections_of (library, "b");
  g_assert_cmpuint (g_strv_length (of_b), ==, 1);
  g_assert_cmpstr (of_b[0], ==, report);

  g_assert_false (measures_library_can_undo (library));
  g_assert_false (measures_library_undo (library));
  (void) first;
  (void) last;
}

/* The kill test. The child writes one state after another, each whole,
 * and says on its standard output which it has written; the parent
 * kills it with SIGKILL at some moment and reads what the file holds. */

#define CHILD_ENV "MEASURES_TEST_LIBRARY_CHILD"
#define N_NOTES 300

static void
child_state (MeasuresLibrary *library,
             const char      *collection,
             guint            generation)
{
  g_autoptr(GPtrArray) starred = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **old_stars = measures_library_list_starred (library, NULL);
  g_autofree char **old_members = (char **) measures_library_list_collection (library, collection, NULL);
  g_auto(GStrv) old_copy = g_strdupv (old_members);
  g_autofree char *name = g_strdup_printf ("generation %u", generation);

  measures_library_set_starred (library, old_stars, FALSE);
  measures_library_remove_from_collection (library, collection, (const char * const *) old_copy);
  for (guint i = 0; i < generation % 7 + 1; i++)
    g_ptr_array_add (starred, g_strdup_printf ("star-%u-%u", generation, i));
  g_ptr_array_add (starred, NULL);
  for (guint i = 0; i < generation % 13 + 3; i++)
    g_ptr_array_add (members, g_strdup_printf ("member-%u-%u", generation, i));
  g_ptr_array_add (members, NULL);
  measures_library_set_starred (library, (const char * const *) starred->pdata, TRUE);
  measures_library_add_to_collection (library, collection, (const char * const *) members->pdata);
  measures_library_rename_collection (library, collection, name, NULL);
  for (guint i = 0; i < N_NOTES; i++)
    {
      g_autofree char *id = g_strdup_printf ("note-%u", i);
      g_autofree char *line = g_strdup_printf ("Generation %u, note %u. ", generation, i);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint k = 0; k < 8; k++)
        g_string_append (text, line);
      measures_library_set_note (library, id, text->str);
    }
}

static int
run_child (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresLibrary) library = measures_library_new (file);
  g_autofree char *collection = NULL;
  g_autoptr(GError) error = NULL;
  guint generation;

  measures_library_open (library);
  if (measures_library_get_problem (library) != NULL)
    {
      g_printerr ("%s\n", measures_library_get_problem (library)->message);
      return 1;
    }

  /* Go on from the state the last child left. */
  collection = g_strdup (measures_library_get_n_collections (library) > 0
                         ? measures_library_get_collection (library, 0)
                         : measures_library_create_collection (library, "generation 0", NULL));
  generation = 1 + (guint) g_ascii_strtoull (measures_library_get_collection_name (library, collection)
                                             + strlen ("generation "), NULL, 10);

  for (;; generation++)
    {
      child_state (library, collection, generation);
      printf ("saving %u\n", generation);
      fflush (stdout);
      if (!measures_library_save (library, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("%u\n", generation);
      fflush (stdout);
    }
}

/* The state of the file is one generation, whole; which one. */
static guint
check_whole (GFile *file)
{
  g_autoptr(MeasuresLibrary) library = measures_library_new (file);
  g_autoptr(GError) error = NULL;
  g_autofree const char **members = NULL;
  const char *collection;
  guint generation, n;

  if (!measures_library_read (library, &error))
    g_error ("After the kill: %s", error->message);

  g_assert_cmpuint (measures_library_get_n_collections (library), ==, 1);
  collection = measures_library_get_collection (library, 0);
  generation = (guint) g_ascii_strtoull (measures_library_get_collection_name (library, collection)
                                         + strlen ("generation "), NULL, 10);
  if (generation == 0)
    return 0;

  g_assert_cmpuint (measures_library_get_n_starred (library), ==, generation % 7 + 1);
  for (guint i = 0; i < generation % 7 + 1; i++)
    {
      g_autofree char *id = g_strdup_printf ("star-%u-%u", generation, i);

      g_assert_true (measures_library_is_starred (library, id));
    }
  members = measures_library_list_collection (library, collection, &n);
  g_assert_cmpuint (n, ==, generation % 13 + 3);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("member-%u-%u", generation, i);

      g_assert_cmpstr (members[i], ==, id);
    }
  g_assert_cmpuint (measures_library_get_n_notes (library), ==, N_NOTES);
  for (guint i = 0; i < N_NOTES; i++)
    {
      g_autofree char *id = g_strdup_printf ("note-%u", i);
      g_autofree char *line = g_strdup_printf ("Generation %u, note %u. ", generation, i);
      const char *text = measures_library_get_note (library, id);

      g_assert_nonnull (text);
      g_assert_cmpuint (strlen (text), ==, 8 * strlen (line));
      g_assert_true (g_str_has_prefix (text, line));
    }

  return generation;
}

static void
test_killed_while_saving (void)
{
  g_autofree char *dir = make_folder ();
  g_autoptr(GFile) file = library_file (dir);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  guint during = 0, whole = 0, mid_write = 0, rounds = 0;

  g_assert_nonnull (self_path);

  /* Until 20 kills fell within a save (after the child said it began
   * one and before it said it ended it), and some of them within the
   * write itself; the moments reach further as rounds go by, for a
   * machine (or a sanitizer's build) where saves are slower. */
  for (guint round = 0; (during < 20 || mid_write < 3) && round < 400; round++)
    {
      const char *argv[] = { self_path, NULL };
      g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), CHILD_ENV, g_file_peek_path (file), TRUE);
      g_autoptr(GError) error = NULL;
      g_autoptr(GIOChannel) out = NULL;
      g_autoptr(GPtrArray) leftovers = NULL;
      guint wanted = g_rand_int_range (rand, 1, 4);
      guint said = 0, lines = 0, found;
      gboolean saving = FALSE;
      GPid pid;
      int out_fd, status;

      g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      out = g_io_channel_unix_new (out_fd);
      g_io_channel_set_close_on_unref (out, TRUE);

      /* A few states written, then a moment within the next save: it
       * has begun, and writing and syncing the file takes milliseconds. */
      while (!saving)
        {
          g_autofree char *line = NULL;

          if (g_io_channel_read_line (out, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
            g_error ("The child ended before it was killed");
          if (g_str_has_prefix (line, "saving "))
            saving = lines >= wanted;
          else
            {
              said = (guint) g_ascii_strtoull (line, NULL, 10);
              lines++;
            }
        }
      g_usleep (g_rand_int_range (rand, 0, 3000 + 100 * (gint32) round));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      g_spawn_close_pid (pid);

      /* Lines written after the last one read still say what it saved. */
      {
        g_autofree char *line = NULL;

        while (g_io_channel_read_line (out, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
          {
            saving = g_str_has_prefix (line, "saving ");
            if (!saving)
              said = (guint) g_ascii_strtoull (line, NULL, 10);
            g_clear_pointer (&line, g_free);
          }
      }

      /* Killed within a write: its temporary file is still there. */
      leftovers = list_names (dir, ".measures-export-");
      mid_write += saving && leftovers->len > 0;

      found = check_whole (file);
      if (found != said && found != said + 1)
        g_error ("Round %u: the child had written state %u; the file holds %u", round, said, found);
      rounds++;
      if (saving)
        {
          during++;
          whole++;
        }
    }

  g_test_message ("%u of %u kills within a save found the old or the new state, whole; "
                  "%u of them fell while the file was being written (of %u kills in all)",
                  whole, during, mid_write, rounds);
  g_assert_cmpuint (during, >=, 20);
  g_assert_cmpuint (whole, ==, during);
  /* Some moments must fall within the write itself, or the test proves
   * little. */
  g_assert_cmpuint (mid_write, >=, 3);

  remove_all (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv (CHILD_ENV) != NULL)
    return run_child (g_getenv (CHILD_ENV));

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/round-trip", test_round_trip);
  g_test_add_func ("/library/saved-soon", test_saved_soon);
  g_test_add_func ("/library/damaged", test_damaged);
  g_test_add_func ("/library/later-version", test_later_version);
  g_test_add_func ("/library/damaged-message", test_damaged_message);
  g_test_add_func ("/library/names", test_names);
  g_test_add_func ("/library/undo", test_undo);
  g_test_add_func ("/library/killed-while-saving", test_killed_while_saving);

  return g_test_run ();
}
