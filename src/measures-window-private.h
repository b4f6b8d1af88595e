/* measures-window-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "measures-browser.h"
#include "measures-compare-view.h"
#include "measures-detail-pane.h"
#include "measures-filter-sidebar.h"
#include "measures-measure-list.h"
#include "measures-overview-view.h"
#include "measures-session.h"
#include "measures-window.h"

G_BEGIN_DECLS

/* The window shows a session (MeasuresSession: the datasets, their load,
 * the index, the query, its result and the problems), which it does not
 * own the state of:
 *
 *   MeasuresSession:result → MeasuresMeasureList (the matches in the
 *                            chosen order) → its selected measure
 *                            → MeasuresDetailPane:measure
 *                          → MeasuresOverviewView (the charts, while shown)
 *                          → MeasuresCompareView (the countries, while shown)
 *                          → MeasuresFilterSidebar (the counts)
 *
 * measures-window.c lays the window out and follows the session;
 * measures-window-actions.c holds the window's actions and the jobs
 * they start (exports, printing, charts as images).
 */
struct _MeasuresWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwViewSwitcherTitle *window_title;
  GtkButton *back_button;
  GtkWidget *sidebar_button;
  GtkWidget *sort_button;
  GtkMenuButton *primary_menu_button;
  GMenuModel *primary_menu;
  GMenuModel *sort_menu;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkToggleButton *notes_only_button;
  GtkStack *content_stack;
  GtkWidget *loading_box;       /* in content_stack, then in list_stack */
  GtkProgressBar *load_progress;
  GtkRevealer *problem_banner;
  GtkLabel *problem_label;
  GtkRevealer *status_banner;
  GtkLabel *status_label;
  GtkProgressBar *status_progress;
  GtkButton *status_button;
  GtkLabel *live_status;

  /* The panes, built after the first frame (see
   * _measures_window_ensure_panes()): NULL until then. */
  GtkWidget *panes;
  AdwFlap *flap;
  MeasuresFilterSidebar *filter_sidebar;
  MeasuresBrowser *browser;
  GtkStack *list_stack;
  AdwViewStack *view_stack;
  MeasuresMeasureList *measure_list;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  AdwStatusPage *no_results_page;
  MeasuresDetailPane *detail_pane;
  AdwBin *overview_bin;
  AdwBin *compare_bin;

  /* Owned references */
  GSettings *settings;
  MeasuresSession *session;
  MeasuresOwnRecords *own_records; /* My Measures, shared with the other windows */
  GApplication *busy_application;   /* busy while the session loads */

  /* Borrowed references */
  MeasuresOverviewView *overview_view;  /* in overview_bin, once first shown */
  MeasuresCompareView *compare_view;    /* in compare_bin, once first shown */
  GCancellable *export_cancellable;
  GCancellable *chart_cancellable;
  GStrv settings_problems;
  guint export_banner_source;
  gulong first_paint_handler;   /* on the frame clock */
  gulong shown_paint_handler;
  guint export_count;
  guint panes_source;           /* builds the panes after the first frame */
  char *select_after_load;      /* the id of a measure saved, once loaded */

  /* State */
  guint syncing_search : 1;
  guint show_overview : 1;
  guint show_compare : 1;
  guint painted : 1;
  guint closed : 1;             /* its work is stopped; nothing more is shown */
  guint panes_painted : 1;
  guint just_loaded : 1;        /* the next result is a load's: said with its problems */
};

void _measures_window_class_actions_init (MeasuresWindowClass *klass);
void _measures_window_class_export_init  (MeasuresWindowClass *klass);
void _measures_window_actions_init       (MeasuresWindow      *self);
void _measures_window_reveal_banner      (GtkRevealer         *banner,
                                          gboolean             reveal);
void _measures_window_ensure_panes       (MeasuresWindow      *self);
void _measures_window_stop_jobs          (MeasuresWindow      *self);
void _measures_window_show_measure       (MeasuresWindow      *self);
void _measures_window_browser_changed    (MeasuresWindow      *self);
void _measures_window_sidebar_shown      (MeasuresWindow      *self);
void _measures_window_sidebar_folded     (MeasuresWindow      *self);
void _measures_window_show_status        (MeasuresWindow      *self,
                                          const char          *text,
                                          const char          *button_label,
                                          const char          *action_name,
                                          gboolean             error);
void _measures_window_hide_status        (MeasuresWindow      *self);
gboolean _measures_window_check_catalogue (MeasuresWindow      *self,
                                           const char          *lang);
void _measures_window_add_toast         (MeasuresWindow      *self,
                                         AdwToast            *toast,
                                         gboolean             keep);
void _measures_window_announce           (MeasuresWindow      *self,
                                          const char          *message);

void _measures_window_class_records_init (MeasuresWindowClass *klass);
void _measures_window_records_init       (MeasuresWindow      *self);
void _measures_window_records_panes_built (MeasuresWindow     *self);
void _measures_window_records_stop       (MeasuresWindow      *self);
void _measures_window_class_library_init (MeasuresWindowClass *klass);
void _measures_window_library_init       (MeasuresWindow      *self);
void _measures_window_library_panes_built (MeasuresWindow     *self);

G_END_DECLS
