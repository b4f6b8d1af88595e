/* measures-bench-window.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures the window as people meet it, frame by frame (see
 * docs/performance.md): the first frame, against a bare GTK window's in
 * the same run, and the frame that first shows the measures; the time from a change of the search to the frame that
 * shows it, and the longest gap between frames while typing; sorting by
 * title; and the frames while scrolling through every row. Prints
 * `name: value unit` lines. Run it under a display, e.g. xvfb-run.
 *
 *   measures-bench-window DATASET.json
 *
 * With the comparison of countries shown too: typing to the frame that
 * shows the matrix anew, and scrolling through its rows.
 *
 * With MEASURES_BENCH_HIDE=TYPE[,TYPE...], hides a widget of each type
 * before the window is shown (see hide_widgets()).
 *
 * With MEASURES_BENCH_LONG_GAPS set, also prints, as "# " lines, each
 * change of the search typed and each gap between frames over 30 ms
 * with where its time went.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-stats.h"
#include "measures-compare-view.h"
#include "measures-session.h"
#include "measures-window.h"

static gint64 process_start;
static gint64 measures_painted;
static GArray *paints;          /* gint64, when each frame was painted */
static GArray *starts;          /* gint64, when each of those frames began */
static GArray *cpu_paints;
static GdkFrameClock *watched_clock;      /* gint64, the main thread's processor time then */
static gint64 frame_start;
static gint64 frame_start_cpu;
static gint64 frame_layout_cpu;
/* The processor time of each frame watched, where it began and where its
 * layout ended. */
static GArray *cpu_starts;
static GArray *cpu_layouts;

static double
ms (gint64 usec)
{
  return usec / 1000.0;
}

static void
print_stats (const char *name,
             GArray     *values)
{
  BenchStats stats;

  if (values->len == 0)
    return;

  stats = bench_stats (values);
  printf ("%s_median: %.1f ms\n%s_p95: %.1f ms\n%s_max: %.1f ms\n",
          name, stats.median, name, stats.p95, name, stats.max);
}

/* The processor time the calling thread has used, in microseconds: the
 * work of the window without the time the system gave to others. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
  frame_start_cpu = thread_cpu_time ();
  frame_layout_cpu = frame_start_cpu;
}

/* Connected after the window's own handler: the layout is done. */
static void
layout_cb (GdkFrameClock *clock,
           gpointer       user_data)
{
  frame_layout_cpu = thread_cpu_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  gint64 cpu = thread_cpu_time ();

  g_array_append_val (paints, now);
  g_array_append_val (cpu_paints, cpu);
  g_array_append_val (starts, frame_start);
  g_array_append_val (cpu_starts, frame_start_cpu);
  g_array_append_val (cpu_layouts, frame_layout_cpu);
}

/* Keeps the frame clock running, as an animation on screen does (the
 * cursor's blinking stops after a while without keys): a gap between
 * frames is then time the main thread could not draw, never an idle
 * moment with nothing to draw. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
watch_frames (GtkWidget *widget)
{
  GdkFrameClock *clock;

  while (!gtk_widget_get_realized (widget))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  watched_clock = clock;
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (layout_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  gtk_widget_add_tick_callback (widget, tick_cb, NULL, NULL);
}

/* Runs the main loop until a frame that began after @since is painted:
 * the first frame that can show what changed at @since. */
static gint64
wait_for_paint_after (gint64 since)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  for (;;)
    {
      for (guint i = 0; i < paints->len; i++)
        if (g_array_index (starts, gint64, i) > since)
          return g_array_index (paints, gint64, i);
      if (g_get_monotonic_time () > deadline)
        return -1;
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Which of the frames watched was painted at @painted. */
static guint
frame_painted_at (gint64 painted)
{
  for (guint i = 0; i < paints->len; i++)
    if (g_array_index (paints, gint64, i) == painted)
      return i;

  g_assert_not_reached ();
}

static void
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop for @usec, sleeping while it has nothing to do, so
 * that the X server and the window's threads have the processors. */
static void
run_for (gint64 usec)
{
  gboolean done = FALSE;

  g_timeout_add_once ((guint) (usec / 1000), set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static int
bare_window (void)
{
  GtkWidget *window = gtk_window_new ();
  gint64 first;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("A bare window"));
  printf ("window_built: %.1f ms\n", ms (g_get_monotonic_time () - process_start));
  gtk_window_present (GTK_WINDOW (window));
  watch_frames (window);
  first = wait_for_paint_after (0);
  printf ("first_frame: %.1f ms\n", ms (first - process_start));
  if (cpu_paints->len > 0)
    printf ("first_frame_cpu: %.1f ms\n", ms (g_array_index (cpu_paints, gint64, 0)));

  return 0;
}

/* The time between each frame painted since frame @from and the next. */
static GArray *
frame_gaps (guint from)
{
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = from + 1; i < paints->len; i++)
    {
      double gap = ms (g_array_index (paints, gint64, i) - g_array_index (paints, gint64, i - 1));

      g_array_append_val (gaps, gap);
      /* Where a long gap went, to read beside a profile recorded with
       * `perf record -k CLOCK_MONOTONIC`: its times are in microseconds
       * of the same clock. */
      if (gap > 30 && g_getenv ("MEASURES_BENCH_LONG_GAPS") != NULL)
        printf ("# frame %u, %.1f ms after the last: %.1f ms to begin (%.1f ms on the main thread), "
                "layout %.1f ms, paint %.1f ms; from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT "\n",
                i, gap,
                ms (g_array_index (starts, gint64, i) - g_array_index (paints, gint64, i - 1)),
                ms (g_array_index (cpu_starts, gint64, i) - g_array_index (cpu_paints, gint64, i - 1)),
                ms (g_array_index (cpu_layouts, gint64, i) - g_array_index (cpu_starts, gint64, i)),
                ms (g_array_index (cpu_paints, gint64, i) - g_array_index (cpu_layouts, gint64, i)),
                g_array_index (paints, gint64, i - 1), g_array_index (paints, gint64, i));
    }

  return gaps;
}

/* Moves @adjustment by @step a frame for @frames frames, and prints the
 * time between frames. */
static void
scroll_frames (GtkAdjustment *adjustment,
               const char    *name,
               guint          frames,
               double         step)
{
  g_autoptr(GArray) gaps = NULL;
  guint from = paints->len;

  for (guint i = 0; i < frames; i++)
    {
      double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      double value = MIN (gtk_adjustment_get_value (adjustment) + step, end);
      gint64 start = g_get_monotonic_time ();

      if (value <= gtk_adjustment_get_value (adjustment))
        break;
      gtk_adjustment_set_value (adjustment, value);
      wait_for_paint_after (start);
    }

  gaps = frame_gaps (from);
  print_stats (name, gaps);
  gtk_adjustment_set_value (adjustment, 0);
  run_for (300 * 1000);
}

/* What typing measures, one value per change of the search. */
typedef struct
{
  GArray *to_frame;   /* from the change to the frame that shows it painted */
  GArray *work;       /* the window's handlers of it, and that frame */
  GArray *cpu;        /* the processor time of the main thread meanwhile */
  GArray *handler_cpu; /* of that, the handlers of the change */
  GArray *layout_cpu; /* the frame's own until its layout was done */
  GArray *paint_cpu;  /* the frame's own from then until painted */
} Typing;

static void
typing_init (Typing *typing)
{
  typing->to_frame = g_array_new (FALSE, FALSE, sizeof (double));
  typing->work = g_array_new (FALSE, FALSE, sizeof (double));
  typing->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  typing->handler_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  typing->layout_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  typing->paint_cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
typing_print (Typing     *typing,
              const char *prefix)
{
  g_autofree char *to_frame = g_strconcat (prefix, "query_to_frame", NULL);
  g_autofree char *work = g_strconcat (prefix, "query_work", NULL);
  g_autofree char *cpu = g_strconcat (prefix, "query_cpu", NULL);
  g_autofree char *handler_cpu = g_strconcat (prefix, "query_handler_cpu", NULL);
  g_autofree char *layout_cpu = g_strconcat (prefix, "query_layout_cpu", NULL);
  g_autofree char *paint_cpu = g_strconcat (prefix, "query_paint_cpu", NULL);

  print_stats (to_frame, typing->to_frame);
  print_stats (work, typing->work);
  print_stats (cpu, typing->cpu);
  print_stats (handler_cpu, typing->handler_cpu);
  print_stats (layout_cpu, typing->layout_cpu);
  print_stats (paint_cpu, typing->paint_cpu);
  g_array_unref (typing->handler_cpu);
  g_array_unref (typing->layout_cpu);
  g_array_unref (typing->paint_cpu);
  g_array_unref (typing->to_frame);
  g_array_unref (typing->work);
  g_array_unref (typing->cpu);
}

static gint64 query_changed;
static gint64 query_changed_cpu;
static gint64 query_handled;
static gint64 query_handled_cpu;
static const char *query_expected;

static gboolean
handled_cb (gpointer data)
{
  query_handled = g_get_monotonic_time ();
  query_handled_cpu = thread_cpu_time ();
  /* A change that shows nothing new asks for no frame: ask for one, so
   * that the time to it is not the time until something else does. */
  gdk_frame_clock_request_phase (watched_clock, GDK_FRAME_CLOCK_PHASE_PAINT);

  return G_SOURCE_REMOVE;
}

/* Runs when search-changed is emitted, before any handler: the time
 * from here includes the window's own work on the new search. Only the
 * emission for the text typed counts. */
static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               data)
{
  GtkEditable *entry = g_value_get_object (&values[0]);

  if (query_expected != NULL && g_str_equal (gtk_editable_get_text (entry), query_expected))
    {
      query_changed = g_get_monotonic_time ();
      query_changed_cpu = thread_cpu_time ();
      /* Runs once the handlers have, before the next frame. */
      g_idle_add_full (G_PRIORITY_HIGH, handled_cb, NULL, NULL);
    }

  return TRUE;
}

/* Types each query one character at a time, about as fast as people
 * type, then deletes it with Backspace, and adds to @typing the time
 * from each change of the search to the first frame begun after it, the
 * time the window worked on it (its handlers of the change and that
 * frame, without the wait for the frame to begin), and the processor
 * time its main thread used meanwhile, which leaves out the time the
 * system ran others and the X server's own.
 *
 * Each key is one insertion or deletion at the end, as the keyboard
 * makes it: setting the whole text instead would empty the entry first,
 * and a search entry reports an empty text at once. */
static void
type_queries (GtkWidget          *entry,
              const char * const *queries,
              guint               n_queries,
              Typing             *typing)
{
  for (guint q = 0; q < n_queries; q++)
    {
      glong len = g_utf8_strlen (queries[q], -1);

      for (glong step = 1; step <= 2 * len; step++)
        {
          glong chars = step <= len ? step : 2 * len - step;
          g_autofree char *text = g_utf8_substring (queries[q], 0, chars);
          double elapsed, worked, cpu;
          gint64 painted;
          guint frame;

          query_changed = 0;
          query_expected = text;
          if (step <= len)
            {
              const char *added = g_utf8_offset_to_pointer (text, chars - 1);
              int position = chars - 1;

              gtk_editable_insert_text (GTK_EDITABLE (entry), added, strlen (added), &position);
            }
          else
            gtk_editable_delete_text (GTK_EDITABLE (entry), chars, chars + 1);

          while (query_changed == 0)
            g_main_context_iteration (NULL, TRUE);
          query_expected = NULL;
          painted = wait_for_paint_after (query_changed);
          frame = frame_painted_at (painted);
          elapsed = ms (painted - query_changed);
          g_array_append_val (typing->to_frame, elapsed);
          worked = ms (query_handled - query_changed) + ms (painted - g_array_index (starts, gint64, frame));
          g_array_append_val (typing->work, worked);
          cpu = ms (g_array_index (cpu_paints, gint64, frame) - query_changed_cpu);
          g_array_append_val (typing->cpu, cpu);
          cpu = ms (query_handled_cpu - query_changed_cpu);
          g_array_append_val (typing->handler_cpu, cpu);
          cpu = ms (g_array_index (cpu_layouts, gint64, frame) - g_array_index (cpu_starts, gint64, frame));
          g_array_append_val (typing->layout_cpu, cpu);
          cpu = ms (g_array_index (cpu_paints, gint64, frame) - g_array_index (cpu_layouts, gint64, frame));
          g_array_append_val (typing->paint_cpu, cpu);
          if (g_getenv ("MEASURES_BENCH_LONG_GAPS") != NULL)
            printf ("# “%s”: frame %u, %.1f ms after the change; its handlers %.1f ms on the main thread; "
                    "from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT "\n",
                    text, frame, elapsed, ms (query_handled_cpu - query_changed_cpu), query_changed, painted);
          run_for (80 * 1000);
        }
    }
}

/* With MEASURES_BENCH_HIDE=TYPE[,TYPE...], hides the first widget of
 * each type before the window is shown, to weigh what each part of it
 * costs the first frame. */
static void
hide_widgets (GtkWidget *window)
{
  g_auto(GStrv) names = NULL;

  if (g_getenv ("MEASURES_BENCH_HIDE") == NULL)
    return;

  names = g_strsplit (g_getenv ("MEASURES_BENCH_HIDE"), ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      GType type = g_type_from_name (names[i]);
      GtkWidget *widget = type != 0 ? find_widget (window, type) : NULL;

      if (widget == NULL)
        fprintf (stderr, "measures-bench-window: no %s in the window\n", names[i]);
      else
        gtk_widget_set_visible (widget, FALSE);
    }
}

/* The window says when a frame has shown what it loaded (as
 * build-aux/first-launch reads it): the first time is a user's wait. */
static void
window_log_cb (const char     *domain,
               GLogLevelFlags  level,
               const char     *message,
               gpointer        data)
{
  if (measures_painted == 0 && g_str_has_prefix (message, "Painted "))
    measures_painted = g_get_monotonic_time ();
}

static int
measures_window (const char *path)
{
  static const char *queries[] = { "national str", "traficului p", "stiinta tara", "protectia vi" };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) gaps = NULL;
  Typing typing;
  MeasuresWindow *window;
  GtkWidget *entry;
  GtkWidget *view;
  GtkAdjustment *adjustment;
  gint64 first, loaded, start, painted;
  guint from;

  g_log_set_handler ("measures-window", G_LOG_LEVEL_DEBUG, window_log_cb, NULL);
  window = measures_window_new (NULL);
  hide_widgets (GTK_WIDGET (window));
  printf ("window_built: %.1f ms\n", ms (g_get_monotonic_time () - process_start));
  measures_window_open (window, &file, 1);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  watch_frames (GTK_WIDGET (window));
  first = wait_for_paint_after (0);
  printf ("first_frame: %.1f ms\n", ms (first - process_start));
  if (cpu_paints->len > 0)
    printf ("first_frame_cpu: %.1f ms\n", ms (g_array_index (cpu_paints, gint64, 0)));
  if (g_getenv ("MEASURES_BENCH_FIRST_FRAME_ONLY") != NULL)
    return 0;

  while (measures_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
  loaded = g_get_monotonic_time ();
  printf ("loaded_and_shown: %.1f ms\n", ms (wait_for_paint_after (loaded) - process_start));
  while (measures_painted == 0)
    g_main_context_iteration (NULL, TRUE);
  printf ("measures_painted: %.1f ms\n", ms (measures_painted - process_start));
  if (g_getenv ("MEASURES_BENCH_SHOWN_ONLY") != NULL)
    return 0;
  run_for (500 * 1000);

  /* Typing: each change of the search, to the frame that shows it; and
   * every gap between frames meanwhile. */
  entry = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  if (g_getenv ("MEASURES_BENCH_SCROLL_ONLY") != NULL)
    goto scroll;
  /* As a user starts a search: Ctrl+F, then typing in the entry. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  run_for (300 * 1000);
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_changed_hook, NULL, NULL);
  from = paints->len;
  typing_init (&typing);
  type_queries (entry, queries, G_N_ELEMENTS (queries), &typing);
  gaps = frame_gaps (from);
  typing_print (&typing, "");
  print_stats ("frame_gap_while_typing", gaps);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  run_for (500 * 1000);
  if (g_getenv ("MEASURES_BENCH_TYPING_ONLY") != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }

  /* The same typing with the overview shown: each change of the search
   * to the frame that shows its four charts anew. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "overview");
  run_for (1000 * 1000);
  {
    typing_init (&typing);
    type_queries (entry, queries, 2, &typing);
    typing_print (&typing, "overview_");
  }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  run_for (500 * 1000);

  /* The same with the comparison shown: each change of the search to
   * the frame that shows the matrix anew (its figures, every cell given
   * its count, the cells in view drawn); then its rows scrolled. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "compare");
  start = g_get_monotonic_time ();
  painted = wait_for_paint_after (start);
  printf ("compare_shown_to_frame: %.1f ms\n", ms (painted - start));
  run_for (1000 * 1000);
  {
    MeasuresCompareView *compare = MEASURES_COMPARE_VIEW (find_widget (GTK_WIDGET (window),
                                                                       MEASURES_TYPE_COMPARE_VIEW));
    MeasuresCoverage *coverage = measures_compare_view_get_coverage (compare);
    GtkWidget *body = measures_coverage_grid_get_body (measures_compare_view_get_grid (compare));
    GtkWidget *scroller = gtk_widget_get_ancestor (body, GTK_TYPE_SCROLLED_WINDOW);

    printf ("compare_countries: %u count\ncompare_columns: %u count\n", coverage->rows->len,
            coverage->columns->len);
    typing_init (&typing);
    type_queries (entry, queries, 2, &typing);
    typing_print (&typing, "compare_");

    /* The view's own work, apart from the query's: the matrix of other
     * matches computed and given to every cell, then the frame that
     * draws the cells in view. */
    {
      static const char *searches[] = { "", "a", "n", "t", "s", "strategy", "plan", "law", "national", "" };
      MeasuresIndex *index = measures_session_get_index (measures_window_get_session (window));
      g_autoptr(GArray) updates = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) to_frame = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint round = 0; round < 5; round++)
        for (guint q = 0; q < G_N_ELEMENTS (searches); q++)
          {
            g_autoptr(MeasuresQuery) query = measures_query_new ();
            g_autoptr(MeasuresResult) result = NULL;
            gint64 begun, updated;

            measures_query_set_search (query, searches[q]);
            result = measures_index_evaluate (index, query);
            begun = g_get_monotonic_time ();
            measures_compare_view_update (compare, index, result->matches);
            updated = g_get_monotonic_time ();
            /* The same matches as before change nothing, and ask for no frame. */
            gdk_frame_clock_request_phase (watched_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
            painted = wait_for_paint_after (updated);
            g_array_append_val (updates, (double) { ms (updated - begun) });
            g_array_append_val (to_frame, (double) { ms (painted - begun) });
            run_for (50 * 1000);
          }
      print_stats ("compare_update", updates);
      print_stats ("compare_update_to_frame", to_frame);
    }
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    run_for (500 * 1000);
    scroll_frames (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), "compare_scroll", 200, 63);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "list");
  run_for (500 * 1000);

  /* Sorting every row by title, to the frame that shows it. */
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "s", "title");
  painted = wait_for_paint_after (start);
  printf ("sort_by_title_to_frame: %.1f ms\n", ms (painted - start));
  run_for (300 * 1000);

  /* Scrolling: three rows a frame, as a wheel or touchpad scrolls fast;
   * then a screenful and more a frame, as when the scroll bar is dragged
   * from top to bottom, so that every row shown is a new one. */
scroll:
  view = find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  printf ("scroll_height: %.0f px\n", gtk_adjustment_get_upper (adjustment));
  scroll_frames (adjustment, "scroll_smooth", 300, 63);
  scroll_frames (adjustment, "scroll_jump", 60,
                 (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)) / 60);

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  process_start = g_get_monotonic_time ();
  paints = g_array_new (FALSE, FALSE, sizeof (gint64));
  starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  cpu_paints = g_array_new (FALSE, FALSE, sizeof (gint64));
  cpu_starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  cpu_layouts = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (argc < 2)
    {
      fprintf (stderr, "usage: measures-bench-window --bare | DATASET.json\n");
      return 2;
    }

  gtk_init ();
  adw_init ();
  printf ("toolkit_ready: %.1f ms\n", ms (g_get_monotonic_time () - process_start));

  if (g_str_equal (argv[1], "--bare"))
    return bare_window ();

  return measures_window (argv[1]);
}
