// The "Component Instances" view in the debug side bar: at each stop of a `wit` session, the adapter's
// `witComponentInstances` answer (the live instance tree with memories and tables), shown as a tree.

import * as vscode from 'vscode';
import { InstanceNode, LiveInstance, instanceNodes } from './componentInstancesModel';
import { witDebugType } from './debugConfiguration';

export const componentInstancesViewId = 'wit.componentInstances';

export class ComponentInstancesProvider implements vscode.TreeDataProvider<InstanceNode> {
  private readonly changed = new vscode.EventEmitter<InstanceNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: InstanceNode[] = [];

  show(roots: InstanceNode[]): void {
    this.roots = roots;
    this.changed.fire(undefined);
  }

  /** Asks the session for the tree (at a stop); an error (a core module, not yet instantiated) is shown as one line. */
  async refresh(session: vscode.DebugSession): Promise<void> {
    try {
      const answer = await session.customRequest('witComponentInstances') as { root: LiveInstance };
      this.show([instanceNodes(answer.root)]);
    } catch (e) {
      this.show([{ label: e instanceof Error ? e.message : String(e), children: [] }]);
    }
  }

  getTreeItem(node: InstanceNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children.length === 0 ? vscode.TreeItemCollapsibleState.None
      : node.label.startsWith('exports') ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
    item.description = node.description;
    item.tooltip = node.tooltip ?? (node.description ? `${node.label}: ${node.description}` : node.label);
    return item;
  }

  getChildren(node?: InstanceNode): InstanceNode[] {
    return node ? node.children : this.roots;
  }
}

export function registerComponentInstancesView(context: vscode.ExtensionContext): void {
  const provider = new ComponentInstancesProvider();
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider(componentInstancesViewId, provider),
    vscode.debug.registerDebugAdapterTrackerFactory(witDebugType, {
      createDebugAdapterTracker: (session) => ({
        onDidSendMessage: (message: { type?: string; event?: string }) => {
          if (message.type === 'event' && message.event === 'stopped') void provider.refresh(session);
        },
        onExit: () => provider.show([]),
      }),
    }),
  );
}
