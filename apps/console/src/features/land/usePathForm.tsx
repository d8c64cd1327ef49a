import { App, Button, type FormInstance } from 'antd';
import type { Json } from '../../api';
import { post } from '../../client';
import { landChanges } from '../../shared/changes';
import { useFormCommand } from '../../shared/commands';
import { Problems } from '../../shared/errors';
import { tid } from '../../shared/format';
import { LAND_PATH_ZH } from '../../shared/names';

export type OfficerPath = 'grant' | 'own-land' | 'lease';

/**
 * Sends one path's form: the 400 reasons under their fields (the price in 元 on the
 * form, in 分 at the service), the rest (409: already secured …) above the button.
 */
export function usePathForm<V>(form: FormInstance<V>, projectId: string, path: OfficerPath, body: (v: V) => Json) {
  const { message } = App.useApp();
  const { saving, problems, validateAndSubmit } = useFormCommand<V>(form, {
    send: (v) => post('standard-land', `/projects/{projectId}/${path === 'grant' ? 'land-grant' : path}` as const, { params: { path: { projectId } }, body: body(v) }),
    changes: () => landChanges(projectId),
    rename: (f) => (f === 'landPriceFen' ? 'landPriceYuan' : undefined),
    onDone: () => message.success(`已登记${LAND_PATH_ZH[path]}，项目用地已落实`),
  });
  const footer = (submitText: string) => (
    <>
      <Problems problems={problems} title="未能登记" />
      <Button type="primary" loading={saving} onClick={() => void validateAndSubmit()} {...tid(`${path}-submit`)}>
        {submitText}
      </Button>
    </>
  );
  return { footer };
}
