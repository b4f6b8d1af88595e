/* measures-browser.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-browser"

#include "config.h"

#include "measures-browser.h"

/* The list of measures and the measure shown: side by side where both
 * fit at their minimum widths, one after the other (a navigation) where
 * they do not. The window sees only this: whether it is folded, whether
 * the measure replaces the list, and a way to each.
 *
 * Which widget does it is chosen at build time:
 *
 *   libadwaita < 1.4 (Debian 12): AdwLeaflet, folding below the sum of
 *     the panes' minimum widths (its "minimum" fold threshold policy);
 *     ui/measures-browser.ui
 *   libadwaita ≥ 1.4: AdwNavigationSplitView with an AdwNavigationPage
 *     for each pane, collapsed by an AdwBreakpoint of its own
 *     AdwBreakpointBin at the same width, from the same minimums;
 *     ui/measures-browser-split-view.ui
 *
 * Both fold on the width the browser itself has (what the window's
 * sidebar leaves), not the window's, and keep which pane is shown
 * across a fold, as the leaflet does. */
#define MEASURES_BROWSER_SPLIT_VIEW ADW_CHECK_VERSION (1, 4, 0)

struct _MeasuresBrowser
{
  GtkWidget parent_instance;

  /* Template children */
#if MEASURES_BROWSER_SPLIT_VIEW
  AdwBreakpointBin *breakpoint_bin;
  AdwBreakpoint *fold_breakpoint;
  AdwNavigationSplitView *split_view;
  AdwNavigationPage *list_page;
  AdwNavigationPage *details_page;
#else
  AdwLeaflet *leaflet;
  AdwBin *list_bin;
  AdwBin *details_bin;
#endif

  /* State */
  guint folded : 1;
  guint showing_details : 1;
};

G_DEFINE_FINAL_TYPE (MeasuresBrowser, measures_browser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIST,
  PROP_DETAILS,
  PROP_FOLDED,
  PROP_SHOWING_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#if MEASURES_BROWSER_SPLIT_VIEW

/* Newer than ADW_VERSION_MAX_ALLOWED, and guarded. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

#define TEMPLATE "/measures-browser-split-view.ui"

static int
min_width (GtkWidget *widget,
           int       *height)
{
  int width = 0;

  *height = 0;
  if (widget == NULL)
    return 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, height, NULL, NULL, NULL);

  return width;
}

/* Collapsed below the width where both panes fit side by side, as the
 * leaflet folds. A breakpoint bin takes its minimum size from its size
 * request alone, so it asks for what one pane at a time needs. */
static void
update_fold_width (MeasuresBrowser *self)
{
  int list_height, details_height;
  int list_width = min_width (adw_navigation_page_get_child (self->list_page), &list_height);
  int details_width = min_width (adw_navigation_page_get_child (self->details_page), &details_height);
  g_autoptr(AdwBreakpointCondition) condition = NULL;

  condition = adw_breakpoint_condition_new_length (ADW_BREAKPOINT_CONDITION_MAX_WIDTH,
                                                   MAX (1, list_width + details_width - 1),
                                                   ADW_LENGTH_UNIT_PX);
  adw_breakpoint_set_condition (self->fold_breakpoint, condition);
  gtk_widget_set_size_request (GTK_WIDGET (self->breakpoint_bin),
                               MAX (1, MAX (list_width, details_width)),
                               MAX (1, MAX (list_height, details_height)));
}

static GtkWidget *
get_list (MeasuresBrowser *self)
{
  return adw_navigation_page_get_child (self->list_page);
}

static void
put_list (MeasuresBrowser *self,
          GtkWidget       *list)
{
  adw_navigation_page_set_child (self->list_page, list);
  update_fold_width (self);
}

static GtkWidget *
get_details (MeasuresBrowser *self)
{
  return adw_navigation_page_get_child (self->details_page);
}

static void
put_details (MeasuresBrowser *self,
             GtkWidget       *details)
{
  adw_navigation_page_set_child (self->details_page, details);
  update_fold_width (self);
}

static gboolean
is_folded (MeasuresBrowser *self)
{
  return adw_navigation_split_view_get_collapsed (self->split_view);
}

static gboolean
is_at_details (MeasuresBrowser *self)
{
  return adw_navigation_split_view_get_show_content (self->split_view);
}

static void
go_to_details (MeasuresBrowser *self)
{
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
go_to_list (MeasuresBrowser *self)
{
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
}

static void
bind_template_children (GtkWidgetClass *widget_class)
{
  g_type_ensure (ADW_TYPE_BREAKPOINT_BIN);
  g_type_ensure (ADW_TYPE_NAVIGATION_SPLIT_VIEW);
  gtk_widget_class_bind_template_child (widget_class, MeasuresBrowser, breakpoint_bin);
  gtk_widget_class_bind_template_child (widget_class, MeasuresBrowser, fold_breakpoint);
  gtk_widget_class_bind_template_child (widget_class, MeasuresBrowser, split_view);
  gtk_widget_class_bind_template_child (widget_class, MeasuresBrowser, list_page);
  gtk_widget_class_bind_template_child (widget_class, MeasuresBrowser, details_page);
}

G_GNUC_END_IGNORE_DEPRECATIONS

#else

#define TEMPLATE "/measures-browser.ui"

static GtkWidget *
get_list (MeasuresBrowser *self)
{
  return adw_bin_get_child (self->list_bin);
}

static void
put_list (MeasuresBrowser *self,
          GtkWidget       *list)
{
  adw_bin_set_child (self->list_bin, list);
}

static GtkWidget *
get_details (MeasuresBrowser *self)
{
  return adw_bin_get_child (self->details_bin);
}

static void
put_details (MeasuresBrowser *self,
             GtkWidget       *details)
{
  adw_bin_set_child (self->details_bin, details);
}

static gboolean
is_folded (MeasuresBrowser *self)
{
  return adw_leaflet_get_folded (self->leaflet);
}

static gboolean
is_at_details (MeasuresBrowser *self)
{
  return g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "details") == 0;
}

static void
go_to_details (MeasuresBrowser *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

static void
go_to_list (MeasuresBrowser *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
bind_template_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, MeasuresBrowser, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MeasuresBrowser, list_bin);
  gtk_widget_class_bind_template_child (widget_class, MeasuresBrowser, details_bin);
}

#endif

/* Follows the widget that folds: notified only on a real change. */
static void
changed_cb (MeasuresBrowser *self)
{
  gboolean folded = is_folded (self);
  gboolean showing_details = folded && is_at_details (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->folded != folded)
    {
      self->folded = folded;
      g_debug (folded ? "Folded at %d px" : "Unfolded at %d px", gtk_widget_get_width (GTK_WIDGET (self)));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
    }
  if (self->showing_details != showing_details)
    {
      self->showing_details = showing_details;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAILS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
measures_browser_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_BROWSER);

  G_OBJECT_CLASS (measures_browser_parent_class)->dispose (object);
}

static void
measures_browser_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MeasuresBrowser *self = MEASURES_BROWSER (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, measures_browser_get_list (self));
      break;
    case PROP_DETAILS:
      g_value_set_object (value, measures_browser_get_details (self));
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, measures_browser_get_folded (self));
      break;
    case PROP_SHOWING_DETAILS:
      g_value_set_boolean (value, measures_browser_get_showing_details (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_browser_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MeasuresBrowser *self = MEASURES_BROWSER (object);

  switch (prop_id)
    {
    case PROP_LIST:
      measures_browser_set_list (self, g_value_get_object (value));
      break;
    case PROP_DETAILS:
      measures_browser_set_details (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_browser_class_init (MeasuresBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_browser_dispose;
  object_class->get_property = measures_browser_get_property;
  object_class->set_property = measures_browser_set_property;

  /**
   * MeasuresBrowser:list:
   *
   * What lists the measures: shown first, and alone when folded until a
   * measure is shown.
   */
  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresBrowser:details:
   *
   * What shows one measure: beside the list, or in its place when folded.
   */
  properties[PROP_DETAILS] =
    g_param_spec_object ("details", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresBrowser:folded:
   *
   * Whether the list and the measure are too wide to be side by side, and
   * are shown one at a time.
   */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresBrowser:showing-details:
   *
   * Whether the measure is shown in place of the list: only ever while
   * folded.
   */
  properties[PROP_SHOWING_DETAILS] =
    g_param_spec_boolean ("showing-details", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX TEMPLATE);
  bind_template_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
measures_browser_init (MeasuresBrowser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  changed_cb (self);
}

GtkWidget *
measures_browser_new (void)
{
  return g_object_new (MEASURES_TYPE_BROWSER, NULL);
}

/**
 * measures_browser_get_list:
 *
 * Returns: (transfer none) (nullable): what lists the measures
 */
GtkWidget *
measures_browser_get_list (MeasuresBrowser *self)
{
  g_return_val_if_fail (MEASURES_IS_BROWSER (self), NULL);

  return get_list (self);
}

/**
 * measures_browser_set_list:
 * @list: (nullable): what lists the measures
 */
void
measures_browser_set_list (MeasuresBrowser *self,
                           GtkWidget       *list)
{
  g_return_if_fail (MEASURES_IS_BROWSER (self));
  g_return_if_fail (list == NULL || GTK_IS_WIDGET (list));

  if (get_list (self) == list)
    return;

  put_list (self, list);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST]);
}

/**
 * measures_browser_get_details:
 *
 * Returns: (transfer none) (nullable): what shows one measure
 */
GtkWidget *
measures_browser_get_details (MeasuresBrowser *self)
{
  g_return_val_if_fail (MEASURES_IS_BROWSER (self), NULL);

  return get_details (self);
}

/**
 * measures_browser_set_details:
 * @details: (nullable): what shows one measure
 */
void
measures_browser_set_details (MeasuresBrowser *self,
                              GtkWidget       *details)
{
  g_return_if_fail (MEASURES_IS_BROWSER (self));
  g_return_if_fail (details == NULL || GTK_IS_WIDGET (details));

  if (get_details (self) == details)
    return;

  put_details (self, details);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS]);
}

gboolean
measures_browser_get_folded (MeasuresBrowser *self)
{
  g_return_val_if_fail (MEASURES_IS_BROWSER (self), FALSE);

  return self->folded;
}

gboolean
measures_browser_get_showing_details (MeasuresBrowser *self)
{
  g_return_val_if_fail (MEASURES_IS_BROWSER (self), FALSE);

  return self->showing_details;
}

/**
 * measures_browser_show_details:
 *
 * Where the list and the measure are one after the other, goes to the
 * measure; side by side, both are shown already and nothing changes.
 */
void
measures_browser_show_details (MeasuresBrowser *self)
{
  g_return_if_fail (MEASURES_IS_BROWSER (self));

  if (self->folded)
    go_to_details (self);
}

/**
 * measures_browser_go_back:
 *
 * From the measure shown in place of the list, back to the list.
 */
void
measures_browser_go_back (MeasuresBrowser *self)
{
  g_return_if_fail (MEASURES_IS_BROWSER (self));

  go_to_list (self);
}
