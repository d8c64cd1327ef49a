import { Card, Col, Descriptions, Divider, Row } from 'antd';
import type { AgreementView, ContractView, PlotView } from '../../views';
import { pct, yuan } from '../../shared/format';
import { IndicatorTable } from './indicators';

/** 出让合同与履约监管协议: the contract, the agreement, its breach terms and agreed indicators. */
export function ContractCard({ contract, agreement, plot }: { contract: ContractView; agreement: AgreementView; plot: PlotView }) {
  const terms = agreement.breachTerms;
  const formula = terms?.formulas?.['default'];
  return (
    <Card title="出让合同与履约监管协议" data-testid="contract">
      <Row gutter={24}>
        <Col span={12}>
          <Descriptions
            title="出让合同"
            size="small"
            column={1}
            items={[
              { key: 'n', label: '合同编号', children: contract.contractNumber },
              { key: 'plot', label: '地块', children: `${plot.code}（${plot.location}，${plot.areaMu} 亩）` },
              { key: 's', label: '签订日期', children: contract.signedOn },
              { key: 'p', label: '出让价款', children: yuan(contract.landPriceFen) },
              { key: 'a', label: '约定开工', children: contract.agreedStart },
              { key: 'c', label: '约定竣工', children: contract.agreedCompletion },
              { key: 'pr', label: '约定投产', children: contract.agreedProduction ?? '—' },
            ]}
          />
        </Col>
        <Col span={12}>
          <Descriptions
            title="履约监管协议"
            size="small"
            column={1}
            items={[
              { key: 'n', label: '协议编号', children: agreement.number },
              { key: 'cp', label: '协议各方', children: agreement.counterparties.join('；') },
              { key: 'r', label: '达产复核日期', children: agreement.reviewDate },
              {
                key: 'b',
                label: '违约条款',
                children: terms ? (
                  <span>
                    {formula?.kind === 'land-price-share' ? `每项未达标按出让价款 ${pct(formula.basisPoints ?? 0)} 计` : formula?.kind === 'shortfall-area-rate' ? `按差额 × 面积 × ${yuan(formula.rateFen)} 计` : '按约定计'}
                    {terms.capBasisPoints !== undefined ? `，合计不超过 ${pct(terms.capBasisPoints)}` : ''}，整改期 {terms.rectifyDays} 天
                  </span>
                ) : (
                  '—'
                ),
              },
            ]}
          />
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        约定指标
      </Divider>
      <IndicatorTable indicators={agreement.indicators} testId="agreement-indicators" />
    </Card>
  );
}
