/** 新建目录: a new entry of my agency, saved as a draft (R10.1). */
import { CatalogEditor } from './CatalogEditor';

export function NewEntryPage() {
  return <CatalogEditor version={null} />;
}
