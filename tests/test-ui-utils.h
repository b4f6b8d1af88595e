/* test-ui-utils.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers the window tests share.
 *
 * Nothing here waits for a fixed time. A test waits for the state its
 * next step needs (a model's number of items, a label's text, a
 * property, a widget on screen, a frame painted, a file written) by
 * running the main loop until that state holds; a deadline that only a
 * hang reaches fails the test with a message saying what was awaited.
 */

#pragma once

#include <gtk/gtk.h>

#include "measures-window.h"

/* Long enough for a loaded machine and a software renderer; only a
 * hang reaches it. */
#define WAIT_SECONDS 30

/* How often a wait looks again at a state that changes off the main
 * loop (a file a thread writes): the loop is woken this often. */
#define WAIT_POLL_MS 20

typedef gboolean (*WaitCondition) (gpointer data);

static inline gboolean
wait_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; FALSE if it did not
 * within WAIT_SECONDS. */
static inline gboolean
wait_for_condition (WaitCondition condition,
                    gpointer      data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (WAIT_POLL_MS, wait_wake_cb, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);

  return met;
}

/* wait_until (condition, data, what, ...): waits for @condition, or
 * fails the test at the caller's line with @what, a printf format
 * whose arguments are read when the wait fails, so they can tell the
 * state reached instead. */
#define wait_until(condition_, data_, ...)                                      \
  G_STMT_START {                                                                \
    if (!wait_for_condition ((condition_), (data_)))                            \
      {                                                                         \
        g_autofree char *wait_what_ = g_strdup_printf (__VA_ARGS__);            \
        g_autofree char *wait_message_ =                                        \
          g_strdup_printf ("waited %d s in vain for %s", WAIT_SECONDS, wait_what_); \
                                                                                \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,       \
                             wait_message_);                                    \
      }                                                                         \
  } G_STMT_END

static inline gboolean
window_loaded (gpointer data)
{
  return !measures_window_get_loading (data);
}

/* Until the window's load has ended and what it read is shown. */
#define wait_until_loaded(window_)                                              \
  wait_until (window_loaded, (window_), "the window to finish loading")

typedef struct
{
  GListModel *model;
  guint n_items;
} WaitItems;

static inline gboolean
model_has_n_items (gpointer data)
{
  WaitItems *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n_items;
}

/* Until @model (the window's list) has @n items. */
#define wait_for_n_items(model_, n_)                                            \
  G_STMT_START {                                                                \
    WaitItems wait_items_ = { (model_), (n_) };                                 \
                                                                                \
    wait_until (model_has_n_items, &wait_items_, "the list to have %u items (it has %u)", \
                wait_items_.n_items, g_list_model_get_n_items (wait_items_.model)); \
  } G_STMT_END

/* The first toplevel on screen of @type, with @css_class if given: a
 * dialog or a window the one under test opened. */
static inline GtkWindow *
find_toplevel (GType       type,
               const char *css_class)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          (css_class == NULL || gtk_widget_has_css_class (GTK_WIDGET (window), css_class)) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* The first widget under @root of @type, with @css_class if given. */
static inline GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Collects the text of every visible label and inscription (the list's
 * cells) under @root, one a line; with @buttons, button labels too, as
 * "[label]". */
static inline void
collect_texts (GtkWidget *root,
               GString   *out,
               gboolean   buttons)
{
  if (!gtk_widget_get_visible (root))
    return;

  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  else if (GTK_IS_INSCRIPTION (root) && gtk_inscription_get_text (GTK_INSCRIPTION (root)) != NULL)
    g_string_append_printf (out, "%s\n", gtk_inscription_get_text (GTK_INSCRIPTION (root)));
  else if (buttons && GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    g_string_append_printf (out, "[%s]\n", gtk_button_get_label (GTK_BUTTON (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out, buttons);
}

typedef struct
{
  GtkWidget *root;
  const char *needle;
} WaitText;

static inline gboolean
shows_text (gpointer data)
{
  WaitText *wait = data;
  g_autoptr(GString) text = g_string_new (NULL);

  collect_texts (wait->root, text, TRUE);

  return strstr (text->str, wait->needle) != NULL;
}

/* Until the visible labels and buttons under @root, one a line as
 * collect_texts() gives them, contain @needle. */
#define wait_for_text(root_, needle_)                                           \
  G_STMT_START {                                                                \
    WaitText wait_text_ = { GTK_WIDGET (root_), (needle_) };                    \
                                                                                \
    if (!wait_for_condition (shows_text, &wait_text_))                          \
      {                                                                         \
        g_autoptr(GString) wait_shown_ = g_string_new (NULL);                   \
        g_autofree char *wait_message_ = NULL;                                  \
                                                                                \
        collect_texts (wait_text_.root, wait_shown_, TRUE);                     \
        if (wait_shown_->len > 4000)                                            \
        g_string_truncate (wait_shown_, 4000);                                \
        wait_message_ = g_strdup_printf ("waited %d s in vain for a %s to show “%s”; it shows:\n%s", \
                                         WAIT_SECONDS, G_OBJECT_TYPE_NAME (wait_text_.root), \
                                         wait_text_.needle, wait_shown_->str);  \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,       \
                             wait_message_);                                    \
      }                                                                         \
  } G_STMT_END

typedef struct
{
  GObject *object;
  const char *property;
  const char *value;
} WaitProperty;

static inline gboolean
has_string_property (gpointer data)
{
  WaitProperty *wait = data;
  g_autofree char *value = NULL;

  g_object_get (wait->object, wait->property, &value, NULL);

  return g_strcmp0 (value, wait->value) == 0;
}

static inline char *
get_string_property (GObject    *object,
                     const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);

  return value;
}

/* Until the string property @property of @object is @value. */
#define wait_for_string_property(object_, property_, value_)                    \
  G_STMT_START {                                                                \
    WaitProperty wait_property_ = { G_OBJECT (object_), (property_), (value_) }; \
    g_autofree char *wait_reached_ = NULL;                                      \
                                                                                \
    wait_until (has_string_property, &wait_property_, "%s:%s to be “%s” (it is “%s”)", \
                G_OBJECT_TYPE_NAME (wait_property_.object), wait_property_.property, \
                wait_property_.value,                                           \
                (wait_reached_ = get_string_property (wait_property_.object,    \
                                                      wait_property_.property))); \
  } G_STMT_END

static inline gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Until @widget is on screen. */
#define wait_for_mapped(widget_)                                                \
  wait_until (widget_mapped, GTK_WIDGET (widget_), "a %s to be mapped",         \
              G_OBJECT_TYPE_NAME (widget_))

typedef struct
{
  GtkWidget *stack;             /* a GtkStack or an AdwViewStack */
  const char *name;
} WaitChild;

static inline const char *
visible_child_name (GtkWidget *stack)
{
  if (ADW_IS_VIEW_STACK (stack))
    return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static inline gboolean
shows_child (gpointer data)
{
  WaitChild *wait = data;

  return g_strcmp0 (visible_child_name (wait->stack), wait->name) == 0;
}

/* Until @stack shows its child @name. */
#define wait_for_visible_child(stack_, name_)                                   \
  G_STMT_START {                                                                \
    WaitChild wait_child_ = { GTK_WIDGET (stack_), (name_) };                   \
                                                                                \
    wait_until (shows_child, &wait_child_, "the stack to show “%s” (it shows “%s”)", \
                wait_child_.name, visible_child_name (wait_child_.stack));      \
  } G_STMT_END

static inline void
frame_painted_cb (GdkFrameClock *clock,
                  guint         *frames)
{
  (*frames)++;
}

static inline gboolean
frame_painted (gpointer data)
{
  return *(guint *) data > 0;
}

/* Until @widget's window has laid out and painted a frame after this
 * point: for a step that must see that a change changed nothing. */
#define wait_for_frame(widget_)                                                 \
  G_STMT_START {                                                                \
    GdkFrameClock *wait_clock_ = gtk_widget_get_frame_clock (GTK_WIDGET (widget_)); \
    guint wait_frames_ = 0;                                                     \
    gulong wait_handler_;                                                       \
                                                                                \
    g_assert_nonnull (wait_clock_);                                             \
    wait_handler_ = g_signal_connect (wait_clock_, "after-paint",               \
                                      G_CALLBACK (frame_painted_cb), &wait_frames_); \
    gtk_widget_queue_draw (GTK_WIDGET (widget_));                               \
    wait_until (frame_painted, &wait_frames_, "a frame to be painted");         \
    g_signal_handler_disconnect (wait_clock_, wait_handler_);                   \
  } G_STMT_END

static inline gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Until @path exists. */
#define wait_for_file(path_)                                                    \
  wait_until (file_exists, (gpointer) (path_), "%s to be written", (const char *) (path_))

static inline gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closes @window as the user would (which saves its state), and waits
 * until it is gone, with whatever it still had to finish. */
static inline void
close_window (MeasuresWindow *window)
{
  gpointer alive = window;

  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_close (GTK_WINDOW (window));
  wait_until (pointer_cleared, &alive, "the closed window to be finalized");
}

/* A window on @file, or on the bundled measures only, on screen with
 * its load ended. */
static inline MeasuresWindow *
open_window_on (GFile *file)
{
  MeasuresWindow *window = measures_window_new (NULL);

  measures_window_open (window, file != NULL ? &file : NULL, file != NULL ? 1 : 0);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_mapped (window);
  wait_until_loaded (window);

  return window;
}
