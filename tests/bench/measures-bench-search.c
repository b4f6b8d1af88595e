/* measures-bench-search.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures the GNOME Shell search provider as the Shell meets it (see
 * docs/performance.md): a library of DATASET, the provider on a session
 * bus, and a second connection that calls it as the Shell does while
 * someone types: the first search, which loads the library (from the
 * cache the warm-up load wrote), then a search for each keystroke of a
 * few queries and the metas of the first five results. Each figure is
 * a whole D-Bus round trip. Prints `name: value unit` lines. Needs a
 * session bus and the settings schema; no display.
 *
 *   dbus-run-session -- measures-bench-search DATASET.json
 *
 * With --service, it is only the Shell's side: it calls the application
 * D-Bus starts from its service file, as GNOME Shell does, either at
 * once (the call starts it) or @WAIT ms after a ping started it, and
 * prints the first search and metas, then a few searches more (see
 * build-aux/bench-search-service):
 *
 *   measures-bench-search --service BUS_NAME OBJECT_PATH [WAIT]
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-stats.h"
#include "measures-loader.h"
#include "measures-search-provider.h"

#define BENCH_PATH "/io/github/measures/Measures/BenchSearch/SearchProvider"

static const char *path = BENCH_PATH;
#define ROUNDS 10

static const char *queries[] = {
  "trafficking romania",
  "national strategy",
  "domestic violence police",
  "xyzzy",
};

typedef struct
{
  GVariant *reply;
  GError *error;
} Call;

static void
call_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Call *call = data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &call->error);
  if (call->reply == NULL && call->error == NULL)
    call->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "no reply");
}

/* One round trip, in milliseconds; the reply in @reply. */
static double
call (GDBusConnection  *client,
      const char       *bus_name,
      const char       *method,
      GVariant         *parameters,
      GVariant        **reply)
{
  Call result = { NULL, NULL };
  gint64 start = g_get_monotonic_time ();

  g_dbus_connection_call (client, bus_name, path, "org.gnome.Shell.SearchProvider2", method,
                          parameters, NULL, G_DBUS_CALL_FLAGS_NONE, 120000, NULL, call_cb, &result);
  while (result.reply == NULL && result.error == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (result.error != NULL)
    {
      g_printerr ("%s: %s\n", method, result.error->message);
      exit (1);
    }

  *reply = result.reply;

  return (g_get_monotonic_time () - start) / 1000.0;
}

static GVariant *
terms_variant (const char *text,
               gsize       length)
{
  g_autofree char *typed = g_strndup (text, length);
  g_auto(GStrv) terms = g_strsplit (g_strstrip (typed), " ", -1);

  return g_variant_new_strv ((const char * const *) terms, -1);
}

static void
print_stats (const char *name,
             GArray     *values)
{
  BenchStats stats = bench_stats (values);

  printf ("%s_median: %.2f ms\n%s_p95: %.2f ms\n%s_max: %.2f ms\n",
          name, stats.median, name, stats.p95, name, stats.max);
}

/* The first search and its metas, as the Shell sees them. */
static void
first_search (GDBusConnection *client,
              const char      *bus_name,
              const char      *text,
              const char      *name)
{
  GVariant *reply;
  double ms = call (client, bus_name, "GetInitialResultSet",
                    g_variant_new ("(@as)", terms_variant (text, strlen (text))), &reply);
  g_autoptr(GVariant) results = g_variant_get_child_value (reply, 0);
  g_autofree const char **ids = g_variant_get_strv (results, NULL);
  const char *five[6] = { NULL, };
  GVariant *metas_reply;

  printf ("%s: %.1f ms\n%s_results: %" G_GSIZE_FORMAT "\n", name, ms, name, g_variant_n_children (results));
  for (guint i = 0; i < 5 && ids[i] != NULL; i++)
    five[i] = ids[i];
  ms = call (client, bus_name, "GetResultMetas", g_variant_new ("(^as)", five), &metas_reply);
  printf ("%s_metas: %.1f ms\n", name, ms);
  g_variant_unref (metas_reply);
  g_variant_unref (reply);
}

static int
service_main (const char *bus_name,
              const char *wait)
{
  g_autoptr(GDBusConnection) client = NULL;
  g_autoptr(GError) error = NULL;

  client = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (client == NULL)
    {
      g_printerr ("No session bus: %s\n", error->message);
      return 1;
    }

  if (wait != NULL)
    {
      g_autoptr(GVariant) pong = NULL;
      gint64 start = g_get_monotonic_time ();

      /* Any call starts it; a ping is answered once it is on the bus. */
      pong = g_dbus_connection_call_sync (client, bus_name, "/", "org.freedesktop.DBus.Peer", "Ping", NULL, NULL,
                                          G_DBUS_CALL_FLAGS_NONE, 60000, NULL, &error);
      if (pong == NULL)
        {
          g_printerr ("Ping: %s\n", error->message);
          return 1;
        }
      printf ("started: %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);
      g_usleep (g_ascii_strtoull (wait, NULL, 10) * 1000);
    }

  first_search (client, bus_name, "trafficking", "first_search");
  first_search (client, bus_name, "police", "second_search");
  first_search (client, bus_name, "national", "third_search");

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  g_autoptr(MeasuresSearchProvider) provider = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GDBusConnection) client = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) initial = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) subsearch = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) metas = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *uri = NULL;
  const char *bus_name;
  GVariant *reply;
  double first;
  gint64 start;

  if (argc >= 4 && g_str_equal (argv[1], "--service"))
    {
      path = argv[3];
      return service_main (argv[2], argc > 4 ? argv[4] : NULL);
    }

  if (argc != 2)
    {
      g_printerr ("Usage: dbus-run-session -- %s DATASET.json\n", argv[0]);
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  uri = g_file_get_uri (file);

  /* The library is DATASET alone. */
  settings = g_settings_new (SCHEMA_ID);
  g_settings_set_strv (settings, "datasets", (const char * const []) { uri, NULL });
  g_settings_set_boolean (settings, "show-bundled", FALSE);

  /* A warm-up load writes the cache the provider then reads, as after
   * the user has once opened the dataset. */
  start = g_get_monotonic_time ();
  measures_catalog_free (measures_loader_load_catalog (&file, 1, NULL));
  printf ("warm_up_load: %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_printerr ("No session bus (run under dbus-run-session): %s\n", error->message);
      return 1;
    }
  client = g_dbus_connection_new_for_address_sync (g_getenv ("DBUS_SESSION_BUS_ADDRESS"),
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                   G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);
  bus_name = g_dbus_connection_get_unique_name (bus);

  app = g_application_new ("io.github.measures.Measures.BenchSearch", G_APPLICATION_NON_UNIQUE);
  provider = measures_search_provider_new (app);
  if (!measures_search_provider_export (provider, bus, BENCH_PATH, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* The first search starts loading the library, and is answered from
   * its cache meanwhile; so are the metas the Shell then asks for, and
   * the searches that follow until it is loaded. */
  first = call (client, bus_name, "GetInitialResultSet",
                g_variant_new ("(@as)", terms_variant ("trafficking", strlen ("trafficking"))), &reply);
  printf ("first_search: %.1f ms\n", first);
  {
    g_autoptr(GVariant) results = g_variant_get_child_value (reply, 0);
    g_autofree const char **ids = g_variant_get_strv (results, NULL);
    const char *five[6] = { NULL, };
    GVariant *metas_reply;

    printf ("first_search_results: %" G_GSIZE_FORMAT "\n", g_variant_n_children (results));
    for (guint i = 0; i < 5 && ids[i] != NULL; i++)
      five[i] = ids[i];
    first = call (client, bus_name, "GetResultMetas", g_variant_new ("(^as)", five), &metas_reply);
    printf ("first_result_metas: %.1f ms\n", first);
    g_variant_unref (metas_reply);
  }
  g_variant_unref (reply);

  first = call (client, bus_name, "GetInitialResultSet",
                g_variant_new ("(@as)", terms_variant ("police", strlen ("police"))), &reply);
  printf ("second_search_while_loading: %.1f ms (loaded: %s)\n", first,
          measures_search_provider_get_loaded (provider) ? "yes" : "no");
  g_variant_unref (reply);

  start = g_get_monotonic_time ();
  while (!measures_search_provider_get_loaded (provider))
    g_main_context_iteration (NULL, TRUE);
  printf ("loaded_after_first_search: %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  /* Then the Shell's calls as someone types each query: the first letter
   * is an initial search, each further keystroke a subsearch of the
   * results before it, and the metas of what it shows. */
  for (guint round = 0; round < ROUNDS; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GVariant) previous = NULL;
        gsize length = strlen (queries[q]);

        for (gsize typed = 1; typed <= length; typed++)
          {
            g_autoptr(GVariant) results = NULL;
            g_autofree const char **ids = NULL;
            double ms;

            if (queries[q][typed - 1] == ' ')
              continue;

            if (previous == NULL)
              {
                ms = call (client, bus_name, "GetInitialResultSet",
                           g_variant_new ("(@as)", terms_variant (queries[q], typed)), &reply);
                g_array_append_val (initial, ms);
              }
            else
              {
                ms = call (client, bus_name, "GetSubsearchResultSet",
                           g_variant_new ("(@as@as)", previous, terms_variant (queries[q], typed)), &reply);
                g_array_append_val (subsearch, ms);
              }

            results = g_variant_get_child_value (reply, 0);
            g_variant_unref (reply);
            g_clear_pointer (&previous, g_variant_unref);
            previous = g_variant_ref (results);

            ids = g_variant_get_strv (results, NULL);
            if (ids[0] != NULL)
              {
                const char *five[6] = { NULL, };

                for (guint i = 0; i < 5 && ids[i] != NULL; i++)
                  five[i] = ids[i];
                ms = call (client, bus_name, "GetResultMetas",
                           g_variant_new ("(^as)", five), &reply);
                g_array_append_val (metas, ms);
                g_variant_unref (reply);
              }
          }
      }

  print_stats ("initial_search", initial);
  print_stats ("subsearch", subsearch);
  print_stats ("result_metas", metas);

  measures_search_provider_unexport (provider);

  return 0;
}
